"""The page of the HTML report: its frame (``PAGE``, a format string), style (``CSS``) and
script (``JS``); everything inline, nothing fetched."""

PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="claimsift">
<title>{title}</title><style>{css}</style></head>
<body><header><h1><a href="#">{title}</a></h1>
<input id="filter" type="search" placeholder="Filter: speaker, words, unit…" aria-label="Filter" autocomplete="off">
<span class="legend"><mark class="hl q">quote</mark> <mark class="hl r">reported speech</mark> <mark class="hl n">figure</mark> <mark class="hl q n">figure in a quote</mark></span>
</header>
<main>{index}{sections}</main>
<aside id="details" hidden><button type="button" id="close" aria-label="Close">×</button><div id="details-body"></div></aside>
<script type="application/json" id="claimsift-data">{data}</script>
<script>{js}</script>
</body></html>
"""

CSS = """
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;color:#1d1d1f;background:#fafafa}
header{position:sticky;top:0;z-index:2;display:flex;gap:1em;align-items:center;flex-wrap:wrap;
padding:.5em 1em;background:#fff;border-bottom:1px solid #ddd}
header h1{font-size:1.1em;margin:0}header h1 a{color:inherit;text-decoration:none}
#filter{flex:1;min-width:12em;max-width:28em;padding:.3em .5em;font:inherit}
.legend{font-size:.85em}main{padding:1em;max-width:1200px;margin:0 auto}
table.list{border-collapse:collapse;width:100%;background:#fff}
table.list th,table.list td{border-bottom:1px solid #eee;padding:.3em .5em;text-align:left;vertical-align:top}
td.num{text-align:right;font-variant-numeric:tabular-nums}.aid{color:#777;font-size:.85em}
.warn,.why{color:#a33;font-size:.85em}.meta{color:#555}.note{background:#fff4e5;padding:.5em}
.cols{display:flex;gap:1.5em;align-items:flex-start}.main{flex:1;min-width:0}
.side{width:17em;flex:none;overflow-x:hidden;position:sticky;top:4em;max-height:80vh;overflow:auto;font-size:.9em}
.side ul,.unplaced{list-style:none;padding:0;margin:0 0 1em}.none{color:#777}
.jump,.rec-link{all:unset;box-sizing:border-box;cursor:pointer;display:flex;justify-content:space-between;gap:.5em;width:100%;
padding:.1em .3em;border-radius:3px}.jump:hover,.rec-link:hover{background:#eef}
.cnt{color:#555;font-variant-numeric:tabular-nums}
.text{white-space:pre-wrap;overflow-wrap:anywhere;background:#fff;padding:1em 1.2em;border:1px solid #e5e5e5;
font-family:Georgia,serif;font-size:16px;line-height:1.65}
mark.hl{color:inherit;cursor:pointer;border-radius:2px;padding:0}
mark.q{background:#fff0a8}mark.n{background:#bfe3ff}
mark.q.n{background:#bfe3ff;box-shadow:inset 0 -3px 0 #e6c300}
mark.r{background:#e6dcff}mark.r.n{background:#bfe3ff;box-shadow:inset 0 -3px 0 #9a7ee6}mark.q.r{background:#fff0a8;box-shadow:inset 0 -3px 0 #9a7ee6}
mark.sel{outline:2px solid #d0021b;outline-offset:1px}mark.dim{background:none;box-shadow:none;color:#999}
.hidden-by-filter{display:none}
#details{position:fixed;right:1em;bottom:1em;width:24em;max-height:60vh;overflow:auto;background:#fff;
border:1px solid #bbb;box-shadow:0 4px 16px rgba(0,0,0,.15);padding:.7em 1em;z-index:3;font-size:.9em}
#close{float:right;border:0;background:none;font-size:1.3em;cursor:pointer}
#details h3{margin:.2em 0 .4em;font-size:1em}#details dl{display:grid;grid-template-columns:7em 1fr;gap:.1em .6em;margin:0 0 .8em}
#details dt{color:#666}#details dd{margin:0;overflow-wrap:anywhere}
.pager{display:flex;gap:1em;font-size:.9em}
"""

JS = r"""
(function () {
  "use strict";
  var D = JSON.parse(document.getElementById("claimsift-data").textContent);
  var R = D.records, A = D.articles;
  var index = document.getElementById("index");
  var sections = Array.prototype.slice.call(document.querySelectorAll("section.article"));
  var details = document.getElementById("details"), body = document.getElementById("details-body");
  var filterBox = document.getElementById("filter");
  var current = null, selected = [];
  function low(s) { return (s || "").toLowerCase(); }
  R.forEach(function (r) {
    r.q = low([r.x, r.sp, r.m, r.ti, r.c, r.st, r.sb, r.at, r.u, r.k, r.t, r.v].join(" "));
  });
  var artSearch = A.map(function (a) { return low(a.title + " " + a.id); });
  R.forEach(function (r) { artSearch[r.a] += " " + r.q; });
  var byCluster = {};
  R.forEach(function (r, i) { (byCluster[r.cl] = byCluster[r.cl] || []).push(i); });

  function marks(i, scope) { return (scope || document).querySelectorAll('mark[data-r~="' + i + '"]'); }
  function show(id) {
    index.hidden = id !== null;
    current = null;
    sections.forEach(function (s) { s.hidden = s.id !== id; if (s.id === id) current = s; });
    document.title = (current ? A[+id.slice(1)].title + " · " : "") + document.querySelector("h1 a").textContent;
    applyFilter();
  }
  function route() {
    var h = location.hash.slice(1), m = /^r(\d+)$/.exec(h);
    if (m && R[+m[1]]) { show("a" + R[+m[1]].a); select([+m[1]], true); return; }
    if (/^a\d+$/.test(h) && document.getElementById(h)) { show(h); window.scrollTo(0, 0); return; }
    show(null);
  }
  function add(dl, key, label, value) {
    if (value === undefined || value === null || value === "") return;
    var dt = document.createElement("dt"), dd = document.createElement("dd");
    dt.textContent = label; dd.textContent = String(value); dd.setAttribute("data-k", key);
    dl.appendChild(dt); dl.appendChild(dd);
  }
  function render(ids) {
    body.textContent = "";
    ids.forEach(function (i) {
      var r = R[i], box = document.createElement("div"), h = document.createElement("h3");
      var dl = document.createElement("dl");
      box.className = "rec"; box.setAttribute("data-i", i);
      h.textContent = (r.t === "quote" ? "Quote" : "Figure") + (r.k ? " (" + r.k + ")" : "");
      box.appendChild(h);
      if (r.t === "quote") {
        add(dl, "text", "Quote", r.x);
        add(dl, "speaker", "Speaker", r.sp || (r.m ? r.m + " (unnamed)" : "none found"));
        add(dl, "title", "Title", r.ti);
        if (r.sp && r.m && r.m !== r.sp) add(dl, "mention", "As written", r.m);
        add(dl, "cue", "Cue", r.c);
      } else {
        add(dl, "text", "Figure", r.x);
        add(dl, "value", "Value", (r.ap ? r.ap + " " : "") + r.v);
        add(dl, "unit", "Unit", r.u);
        add(dl, "statement", "Statement", r.st);
        add(dl, "subject", "Subject", r.sb);
        add(dl, "attributed", "Attributed to", r.at);
        add(dl, "time", "Time", r.tm);
      }
      add(dl, "confidence", "Confidence", r.cf);
      add(dl, "offsets", "Offsets", r.s + "–" + r.e);
      add(dl, "record", "Record", r.id);
      box.appendChild(dl);
      var same = (byCluster[r.cl] || []).filter(function (j) { return R[j].a !== r.a; });
      if (same.length) {
        var p = document.createElement("p");
        p.className = "also";
        p.appendChild(document.createTextNode("Also in: "));
        same.forEach(function (j) {
          var a = document.createElement("a");
          a.href = "#r" + j; a.textContent = A[R[j].a].id;
          p.appendChild(a); p.appendChild(document.createTextNode(" "));
        });
        box.appendChild(p);
      }
      body.appendChild(box);
    });
    details.hidden = false;
  }
  function select(ids, scroll) {
    ids = ids.slice().sort(function (a, b) { return (R[a].e - R[a].s) - (R[b].e - R[b].s); });
    selected.forEach(function (m) { m.classList.remove("sel"); });
    selected = Array.prototype.slice.call(marks(ids[0], current));
    selected.forEach(function (m) { m.classList.add("sel"); });
    if (scroll && selected.length) selected[0].scrollIntoView({ block: "center" });
    render(ids);
    try { history.replaceState(null, "", "#r" + ids[0]); } catch (e) { /* file: URLs in some browsers */ }
  }
  function idsOf(el, attr) { return el.getAttribute(attr).split(" ").map(Number); }
  document.addEventListener("click", function (ev) {
    var t = ev.target.closest ? ev.target : ev.target.parentNode;
    var mark = t.closest("mark[data-r]");
    if (mark && current && current.contains(mark)) { select(idsOf(mark, "data-r"), false); return; }
    var jump = t.closest(".jump");
    if (jump) {
      var rs = idsOf(jump, "data-rs").filter(function (i) { return match(R[i]); });
      if (!rs.length) return;
      var pos = ((+jump.getAttribute("data-pos") || 0)) % rs.length;
      jump.setAttribute("data-pos", pos + 1);
      select([rs[pos]], true);
      return;
    }
    var link = t.closest(".rec-link");
    if (link) { select([+link.getAttribute("data-r")], false); return; }
    if (t.closest("#close")) { details.hidden = true; selected.forEach(function (m) { m.classList.remove("sel"); }); }
  });
  document.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter" && ev.target.matches && ev.target.matches("mark[data-r]")) ev.target.click();
    if (ev.key === "Escape") details.hidden = true;
  });
  var needle = "";
  function match(r) { return !needle || r.q.indexOf(needle) >= 0; }
  function applyFilter() {
    needle = low(filterBox.value).trim();
    if (!current) {
      index.querySelectorAll("#articles tbody tr").forEach(function (tr) {
        tr.classList.toggle("hidden-by-filter", !!needle && artSearch[+tr.getAttribute("data-a")].indexOf(needle) < 0);
      });
      index.querySelectorAll("#repeated tbody tr").forEach(function (tr) {
        tr.classList.toggle("hidden-by-filter", !idsOf(tr, "data-rs").some(function (i) { return match(R[i]); }));
      });
      return;
    }
    current.querySelectorAll("mark[data-r]").forEach(function (m) {
      m.classList.toggle("dim", !idsOf(m, "data-r").some(function (i) { return match(R[i]); }));
    });
    current.querySelectorAll(".jump").forEach(function (b) {
      var n = idsOf(b, "data-rs").filter(function (i) { return match(R[i]); }).length;
      b.parentNode.classList.toggle("hidden-by-filter", n === 0);
      b.querySelector(".cnt").textContent = n;
    });
  }
  filterBox.addEventListener("input", applyFilter);
  window.addEventListener("hashchange", route);
  route();
  document.documentElement.setAttribute("data-ready", "1");
})();
"""
