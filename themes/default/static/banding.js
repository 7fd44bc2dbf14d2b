// Any two regions side by side, chosen by the reader (the comparison page's picker). Names are
// found in the search index's shards (cari/, loaded as cari.js loads them, through
// window.salurCari, which this script wraps); the figures are each region's JSON download
// (wilayah/<prov>/<kode>.json; a desa/kelurahan's rows are in its kecamatan's). The choice is
// the address's hash (#35.75,35.23). Every word comes from the page's data- attributes. Without
// this script the picker stays hidden and the configured comparisons remain.
(function () {
  "use strict";
  var script = document.currentScript;
  var box = document.getElementById("pilih-banding");
  if (!script || !box || !window.fetch) return;
  var akar = script.src.replace(/banding\.js([?#].*)?$/, "");
  var teks = box.dataset, lang = document.documentElement.lang || "id";
  var input = box.querySelectorAll("input"), list = box.querySelector("datalist");
  var hasil = box.querySelector(".pilih-hasil"), status = box.querySelector(".pilih-status");
  var indeks = null, muatan = {}, diminta = {}, dipilih = [null, null];
  var asli = window.salurCari || {};
  function ada(o, k) { return Object.prototype.hasOwnProperty.call(o, k); }
  window.salurCari = {
    indeks: function (i) { indeks = i; if (asli.indeks) asli.indeks(i); saran(); },
    muat: function (n, e) { muatan[n] = e; if (asli.muat) asli.muat(n, e); saran(); }
  };
  function muat(nama, src) {
    if (ada(diminta, nama)) return;
    diminta[nama] = true;
    var s = document.createElement("script");
    s.src = akar + src;
    document.head.appendChild(s);
  }
  function normal(s) {
    return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
      .replace(/['\u2018\u2019`]/g, "").replace(/[^a-z0-9]+/g, "");
  }
  // a region's dotted code from its page's path
  function kode(e) { return e[3].replace(/^.*\//, "").replace(/\.html$/, ""); }
  var aktif = input[0];
  function saran() {
    var q = normal(aktif.value);
    if (!q) return;
    if (!indeks) return muat("indeks", "cari/indeks.js");
    var berkas = null;
    for (var n = q.length; n > 0 && !berkas; n--) {
      if (ada(indeks.kunci, q.slice(0, n))) berkas = indeks.kunci[q.slice(0, n)];
    }
    if (!berkas) return;
    if (!ada(muatan, berkas)) return muat(berkas, "cari/nama/" + berkas + ".js?v=" + indeks.berkas[berkas]);
    while (list.firstChild) list.removeChild(list.firstChild);
    muatan[berkas].filter(function (e) {
      return "pkcld".indexOf(e[1]) >= 0 && (normal(e[0]).indexOf(q) >= 0 || kode(e).replace(/\./g, "").indexOf(q) === 0);
    }).slice(0, 20).forEach(function (e) {
      var o = document.createElement("option");
      o.value = kode(e);
      o.textContent = e[0] + (e[2] ? " · " + e[2] : "");
      list.appendChild(o);
    });
  }
  function angka(v) { return v === null || v === undefined ? "–" : Number(v).toLocaleString(lang); }
  function persen(a, b) {
    return b ? (a / b).toLocaleString(lang, { style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1 }) : "–";
  }
  // a region's figures per programme × tahap, summed over penyalur
  function ambil(k) {
    var bagian = k.split("."), file = bagian.length > 3 ? bagian.slice(0, 3).join(".") : k;
    return fetch(akar + "wilayah/" + bagian[0] + "/" + file + ".json").then(function (r) {
      if (!r.ok) throw new Error(r.status);
      return r.json();
    }).then(function (d) {
      var c = {};
      d.kolom.forEach(function (x, i) { c[x.nama] = i; });
      var out = { nama: k, sel: {} };
      d.baris.forEach(function (b) {
        if (b[c.kode_wilayah] !== k || b[c.peran] === "tanpa_rincian") return;
        out.nama = b[c.nama_wilayah];
        var key = b[c.program] + " · " + b[c.tahap];
        var s = out.sel[key] || (out.sel[key] = { alokasi: 0, tersalur: 0, gagal: 0, nilai: 0 });
        s.alokasi += b[c.alokasi_kpm]; s.tersalur += b[c.tersalur_kpm]; s.gagal += b[c.gagal_kpm];
        s.nilai = s.nilai === null || b[c.tersalur_nilai] === null ? null : s.nilai + b[c.tersalur_nilai];
      });
      if (!Object.keys(out.sel).length) throw new Error(k);
      return out;
    });
  }
  function sel(tr, tag, t) { var x = document.createElement(tag); x.textContent = t; tr.appendChild(x); return x; }
  function tampil(w) {
    while (hasil.firstChild) hasil.removeChild(hasil.firstChild);
    var keys = [];
    w.forEach(function (r) { Object.keys(r.sel).forEach(function (k) { if (keys.indexOf(k) < 0) keys.push(k); }); });
    var ukuran = [[teks.alokasi, function (s) { return angka(s.alokasi); }],
      [teks.tersalur, function (s) { return angka(s.tersalur); }],
      [teks.realisasi, function (s) { return persen(s.tersalur, s.alokasi); }],
      [teks.kpmGagal, function (s) { return angka(s.gagal); }],
      [teks.nilai, function (s) { return s.nilai ? "Rp " + angka(s.nilai) : "–"; }]];
    keys.forEach(function (k) {
      var div = document.createElement("div"), t = document.createElement("table"), tr;
      div.className = "gulir"; div.tabIndex = 0; t.className = "angka banding";
      sel(t, "caption", teks.judul + ": " + k);
      tr = document.createElement("tr"); sel(tr, "th", teks.ukuran).scope = "col";
      w.forEach(function (r) { sel(tr, "th", r.nama).scope = "col"; });
      t.appendChild(document.createElement("thead")).appendChild(tr);
      var body = t.appendChild(document.createElement("tbody"));
      ukuran.forEach(function (u) {
        tr = document.createElement("tr"); sel(tr, "th", u[0]).scope = "row";
        w.forEach(function (r) { sel(tr, "td", r.sel[k] ? u[1](r.sel[k]) : "–"); });
        body.appendChild(tr);
      });
      div.appendChild(t); hasil.appendChild(div);
    });
  }
  function banding() {
    if (!dipilih[0] || !dipilih[1]) return;
    history.replaceState(null, "", "#" + dipilih.join(","));
    status.textContent = teks.memuat;
    Promise.all(dipilih.map(function (k) {
      return ambil(k).catch(function () { throw k; });
    })).then(function (w) { status.textContent = ""; tampil(w); }, function (k) {
      while (hasil.firstChild) hasil.removeChild(hasil.firstChild);
      status.textContent = teks.tidakAda.replace("{kode}", k);
    });
  }
  Array.prototype.forEach.call(input, function (el, i) {
    el.addEventListener("input", function () { aktif = el; saran(); });
    el.addEventListener("change", function () {
      var v = el.value.trim();
      dipilih[i] = /^[0-9]{2}(\.[0-9]+)*$/.test(v) ? v : null;
      banding();
    });
  });
  function dariHash() {
    var awal = decodeURIComponent(location.hash.slice(1)).split(",");
    if (awal.length === 2 && awal.every(function (k) { return /^[0-9]{2}(\.[0-9]+)*$/.test(k); })) {
      dipilih = awal; input[0].value = awal[0]; input[1].value = awal[1];
      banding();
    }
  }
  window.addEventListener("hashchange", dariHash);
  dariHash();
  box.hidden = false;
})();
