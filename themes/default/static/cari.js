// Search box: finds a region, programme, tahap or meeting note by name, offline and from
// file://. The index is script files made by salur (src/site/cari.rs): cari/indeks.js says
// which shard of cari/nama/ holds the names under a key, cari/umum.js holds the programmes,
// tahap and notes. Each calls window.salurCari; a shard is loaded by adding a <script src>,
// which file:// allows where reading a JSON file is refused. Without this script the form stays hidden
// and the header links the home page's directory of regions instead.
(function () {
  "use strict";
  var script = document.currentScript;
  var form = document.querySelector("form.cari");
  if (!script || !form || !form.querySelector) return;
  // the site's root, from this script's own address (which the page wrote relative to itself)
  var akar = script.src.replace(/cari\.js([?#].*)?$/, "");
  var input = form.querySelector("input");
  var status = form.querySelector(".cari-status");
  var daftar = form.querySelector(".cari-hasil");
  var teks = form.dataset;
  var MAKS = 20;
  // kind words: kept in step with KATA_JENIS in src/site/cari.rs
  var JENIS = ["adm", "administrasi", "city", "desa", "district", "kab", "kabupaten", "kec",
    "kecamatan", "kel", "kelurahan", "kota", "province", "provinsi", "regency", "village"];
  // the order kinds are listed in: provinsi, kabupaten/kota, kecamatan, kelurahan/desa,
  // programme, tahap, meeting note, the site's own pages (schedule, failures, …)
  var URUTAN = "pkcldgtrh";
  var indeks = null, muatan = {}, diminta = {}, gagal = false;

  // the same rule as normal() in src/site/cari.rs
  function normal(s) {
    return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
      .replace(/['\u2018\u2019`]/g, "").replace(/[^a-z0-9]+/g, " ").trim();
  }
  function kata(s) { var n = normal(s); return n ? n.split(" ") : []; }
  function inti(k) {
    var i = 0;
    while (i + 1 < k.length && JENIS.indexOf(k[i]) >= 0) i++;
    return k.slice(i);
  }
  function ada(o, k) { return Object.prototype.hasOwnProperty.call(o, k); }

  function muat(nama, src) {
    if (ada(diminta, nama)) return;
    diminta[nama] = true;
    var s = document.createElement("script");
    s.src = akar + src;
    s.onerror = function () { gagal = true; cari(); };
    document.head.appendChild(s);
  }
  window.salurCari = {
    indeks: function (i) { indeks = i; cari(); },
    muat: function (nama, entri) { muatan[nama] = entri; cari(); }
  };

  // a region's code as digits, from its page's name (wilayah/35/35.75.01.1001.html:
  // 3575011001; the rule of kunci_kode in src/site/cari.rs); "" for another entry
  function kode(e) {
    if ("pkcld".indexOf(e[1]) < 0) return "";
    return e[3].replace(/^.*\//, "").replace(/\.html$/, "").replace(/[^0-9]/g, "");
  }
  // a query of digits alone (35.75.01.1001, 35 75 01 1001, 3575011001) is a code
  function angka(q) { return /^[0-9]+$/.test(q.join("")); }
  // an entry matches when each query word begins one of its words or its name run together,
  // or the query run together begins its name run together ("kandang sapi": Kandangsapi),
  // or a code query begins its code
  function cocok(e, q) {
    var k = kata(e[0]), n = inti(k).join(""), terms = k.concat([n]);
    if (n.indexOf(q.join("")) === 0) return true;
    if (angka(q) && kode(e).indexOf(q.join("")) === 0) return true;
    for (var i = 0; i < q.length; i++) {
      var ok = false;
      for (var j = 0; j < terms.length && !ok; j++) ok = terms[j].indexOf(q[i]) === 0;
      if (!ok) return false;
    }
    return true;
  }
  // first the entries whose kind the query names ("kota bandung"), then exact names, then
  // names that begin with the query, each by kind
  function nilai(e, q, jenis) {
    var k = kata(e[0]), n = inti(k).join("");
    // a code query: the region of that code, then those below it, higher levels first
    if (angka(q) && kode(e).indexOf(q.join("")) === 0) {
      return (kode(e) === q.join("") ? 0 : 1) * 10 + URUTAN.indexOf(e[1]);
    }
    var j = jenis.every(function (w) { return k.indexOf(w) >= 0; }) ? 0 : 1;
    return j * 100 + (n === q.join("") ? 0 : n.indexOf(q.join("")) === 0 ? 1 : 2) * 10 +
      URUTAN.indexOf(e[1]);
  }
  function tulis(pesan, n) {
    status.textContent = pesan ? pesan.replace("{n}", n) : "";
  }

  function cari() {
    var semua = kata(input.value), q = inti(semua), jenis = semua.slice(0, semua.length - q.length);
    while (daftar.firstChild) daftar.removeChild(daftar.firstChild);
    if (!q.length) { tulis(""); return; }
    if (!indeks) { tulis(gagal ? teks.gagal : teks.memuat); return muat("indeks", "cari/indeks.js"); }
    muat("umum", "cari/umum.js?v=" + indeks.umum);
    // the shard of the longest key that begins the query's words run together (the rule of
    // kunci_kueri in src/site/cari.rs)
    var w = q.join(""), berkas = null;
    for (var n = w.length; n > 0 && !berkas; n--) {
      if (ada(indeks.kunci, w.slice(0, n))) berkas = indeks.kunci[w.slice(0, n)];
    }
    // names under longer keys are in other shards: the reader must type more
    var kurang = Object.keys(indeks.kunci).some(function (k) {
      return k.length > w.length && k.indexOf(w) === 0;
    });
    if (berkas) muat(berkas, "cari/nama/" + berkas + ".js?v=" + indeks.berkas[berkas]);
    var siap = ada(muatan, "umum") && (!berkas || ada(muatan, berkas));
    var entri = (muatan.umum || []).concat(berkas && muatan[berkas] || []);
    var hasil = entri.filter(function (e) { return cocok(e, q); });
    hasil.sort(function (a, b) { return nilai(a, q, jenis) - nilai(b, q, jenis); });
    hasil.slice(0, MAKS).forEach(function (e) {
      var li = document.createElement("li"), a = document.createElement("a");
      a.href = akar + e[3];
      a.textContent = e[0];
      li.appendChild(a);
      if (e[2]) {
        var s = document.createElement("span");
        s.className = "cari-konteks";
        s.textContent = e[2];
        li.appendChild(document.createTextNode(" "));
        li.appendChild(s);
      }
      daftar.appendChild(li);
    });
    if (!siap) tulis(gagal ? teks.gagal : teks.memuat);
    else if (kurang) tulis(teks.lagi);
    else if (hasil.length > MAKS) tulis(teks.banyak, hasil.length);
    else if (hasil.length) tulis(teks.hasil, hasil.length);
    else tulis(teks.kosong);
  }

  input.addEventListener("input", cari);
  form.addEventListener("submit", function (ev) {
    ev.preventDefault();
    var a = daftar.querySelector("a");
    if (a) window.location.href = a.href;
  });
  var tanpa = document.querySelector(".cari-tanpa-js");
  if (tanpa) tanpa.hidden = true;
  form.hidden = false;
  if (input.value) cari();
})();
