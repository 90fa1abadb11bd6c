// The review page: one self-contained HTML file (inline CSS and a few lines of script, a
// Content-Security-Policy that forbids every network request) that an editor can open offline
// or print. Turns show their speaker and how sure the attribution is; speculative sentences are
// highlighted (<mark>) with their cue; reported speech and questions have their own styles;
// terms show their English on hover or focus (and in print); check-worthy claims are listed
// beside the text and link into it; verdicts and translations appear where they were merged.
#include <algorithm>

#include "export/view.hpp"
#include "tei/escape.hpp"
#include "jatei/export.hpp"
#include "jatei/segment.hpp"

namespace jatei {
namespace {

std::string esc(std::string_view s) { return xml::escaped(s, xml::Context::html); }

// Only web links become links: a javascript: or data: URL from a checker's file stays text.
bool web_url(std::string_view u) { return u.rfind("http://", 0) == 0 || u.rfind("https://", 0) == 0; }

const char* kStyle = R"CSS(
:root{--ink:#1b1b1b;--muted:#505050;--line:#d0d0d0;--paper:#fff;--spec:#ffe38a;--spec-ink:#6b3a00;
--rep:#dcebff;--rep-edge:#1f5fa8;--q:#efe4ff;--q-edge:#6a3fb0;--op:#f1f1f1;--link:#0b4fa8;--cw:#b3261e}
*{box-sizing:border-box}
html{background:var(--paper);color:var(--ink)}
body{margin:0;font:16px/1.85 "Noto Sans CJK JP","Noto Sans JP","Hiragino Sans","Yu Gothic","Meiryo",system-ui,sans-serif}
a{color:var(--link)}
a:focus,.term:focus{outline:3px solid #f0a000;outline-offset:1px}
header.top{padding:1.2rem 1.5rem .8rem;border-bottom:1px solid var(--line)}
header.top h1{margin:0 0 .3rem;font-size:1.45rem;line-height:1.4}
.meta{margin:.2rem 0;color:var(--muted);font-size:.85rem;word-break:break-all}
.legend{display:flex;flex-wrap:wrap;gap:.4rem .9rem;list-style:none;margin:.6rem 0 0;padding:0;font-size:.85rem}
#stats{display:flex;flex-wrap:wrap;gap:.2rem 1rem;margin:.5rem 0 0;font-size:.85rem;color:var(--muted)}
#stats div{display:flex;gap:.3rem}#stats dt{font-weight:600}#stats dd{margin:0}
.layout{display:grid;grid-template-columns:minmax(0,1fr) 21rem;gap:1.5rem;max-width:78rem;margin:0 auto;padding:1rem 1.5rem 3rem}
@media (max-width:60rem){.layout{grid-template-columns:1fr}}
main section{margin:0 0 1.2rem}
main section+section{border-top:1px dashed var(--line);padding-top:.8rem}
.kind{font-size:.75rem;letter-spacing:.05em;text-transform:uppercase;color:var(--muted);margin:0 0 .3rem}
.turn{margin:0 0 1rem;padding:.4rem .8rem .3rem;border-left:4px solid var(--line);border-radius:0 6px 6px 0;background:#fafafa}
.turn.cert-medium{border-left-style:dashed}.turn.cert-low{border-left-style:dotted;background:#fff8f0}
.turn:nth-of-type(odd){border-left-color:#7a8fa6}.turn:nth-of-type(even){border-left-color:#a6937a}
.who{margin:0;font-size:.85rem;color:var(--muted)}
.who .name{font-weight:700;color:var(--ink);font-size:.95rem}
.cert{display:inline-block;padding:0 .4rem;margin-left:.3rem;border-radius:3px;font-size:.75rem;border:1px solid currentColor}
.cert-high .cert,.cert.cert-high{color:#1e6b2f}.cert.cert-medium{color:#7a5200}.cert.cert-low{color:#a3261c}
.label{font-weight:700;margin-right:.3rem}
p.block,li.block,.head{margin:.35rem 0}
h2.head{font-size:1.2rem;line-height:1.5}
blockquote{margin:.4rem 0 .4rem .8rem;padding-left:.8rem;border-left:3px solid var(--line)}
figure{margin:.5rem 0;padding:.3rem .6rem;background:#f6f6f6;font-size:.9rem;color:#333}
.trailer,.byline{font-size:.9rem;color:#333}
.s{padding:.05rem 0;border-radius:2px}
mark.s.speculation{background:var(--spec);color:var(--ink);box-shadow:0 0 0 1px #e0b800 inset}
.s.reported{background:var(--rep);box-shadow:inset 3px 0 0 var(--rep-edge);padding-left:.3rem}
.s.question{background:var(--q);box-shadow:inset 0 -2px 0 var(--q-edge)}
.s.opinion{background:var(--op)}
.s.checkworthy{text-decoration:underline 2px var(--cw);text-underline-offset:.3em}
.s:target{outline:3px solid #f0a000}
.cue{font-weight:700;text-decoration:underline wavy;text-underline-offset:.2em}
.cue-speculation{color:var(--spec-ink)}.cue-reported{color:#0d3f78}.cue-question{color:#4a2386}
.cue-opinion,.cue-fact,.cue-other{color:inherit;font-weight:600;text-decoration:underline dotted}
.term{position:relative;border-bottom:2px dotted #2d6a4f;cursor:help}
.term[data-en]:hover::after,.term[data-en]:focus::after{content:attr(data-en);position:absolute;left:0;top:1.9em;z-index:3;
white-space:nowrap;background:#1b1b1b;color:#fff;padding:.1rem .45rem;border-radius:4px;font-size:.8rem;line-height:1.5}
.gloss{color:#1f4e3d}
.date,.num,.measure,.name{border-bottom:1px dotted #767676}
main ul{list-style:none;padding-left:1rem}
.verdict{display:inline-block;margin:0 .2rem;padding:0 .45rem;border-radius:10px;font-size:.75rem;line-height:1.6;
background:#263238;color:#fff;vertical-align:.1em}
.translation{display:block;margin:.1rem 0 .6rem;padding-left:.6rem;border-left:2px solid #9ccc9c;color:#2b3a2b;font-size:.92rem;line-height:1.6}
aside#claims{position:sticky;top:.5rem;align-self:start;max-height:calc(100vh - 1rem);overflow:auto;
border:1px solid var(--line);border-radius:8px;padding:.6rem .9rem;background:#fcfcfc}
aside h2{font-size:1rem;margin:.2rem 0 .4rem}
aside ol{margin:0;padding-left:1.4rem}aside li{margin:0 0 .6rem;font-size:.88rem;line-height:1.55}
aside .excerpt{display:block;color:var(--ink)}
aside .info{display:block;color:var(--muted);font-size:.78rem}
.tag{display:inline-block;padding:0 .35rem;border-radius:3px;font-size:.72rem;border:1px solid #777;color:#333;margin-right:.25rem}
.tag.speculation{background:var(--spec)}.tag.reported{background:var(--rep)}.tag.question{background:var(--q)}
.empty{color:var(--muted);font-style:italic}
@media print{
body{font-size:10.5pt;line-height:1.7}
header.top{border:0;padding:0 0 .5rem}
.layout{display:block;padding:0;max-width:none}
aside#claims{position:static;max-height:none;overflow:visible;border:0;padding:0;break-before:page}
.turn{break-inside:avoid;background:none}
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}
.term[data-en]::after{content:" [" attr(data-en) "]";position:static;background:none;color:#333;padding:0;font-size:.85em}
.term:hover::after{position:static}
.term.glossed::after{content:none}
aside a[href^="http"]::after,.verdict a[href^="http"]::after{content:" <" attr(href) ">";font-size:.8em;word-break:break-all}
#stats{display:none}
}
)CSS";

const char* kScript = R"JS(
(function(){
  var d=document;
  function n(s){return d.querySelectorAll(s).length;}
  var live={turns:n('main .turn'),highlights:n('main mark.speculation'),claims:n('#claims li'),
            sentences:n('main .s'),terms:n('main .term'),verdicts:n('main .verdict')};
  Array.prototype.forEach.call(d.querySelectorAll('#stats dd[data-count]'),function(dd){
    dd.setAttribute('data-dom',String(live[dd.getAttribute('data-count')]));
  });
  d.documentElement.setAttribute('data-rendered','yes');
})();
)JS";

// The verdicts on a sentence.
std::vector<const xp::Verdict*> verdicts_of(const xp::View& v, const std::string& id) {
  std::vector<const xp::Verdict*> out;
  for (auto& vd : v.verdicts)
    if (std::find(vd.targets.begin(), vd.targets.end(), id) != vd.targets.end()) out.push_back(&vd);
  return out;
}

// The counts the page's script checks against what it shows (data-count).
void stats(std::string& html, const xp::View& v) {
  std::size_t turns = 0, spec = 0, cw = 0, terms = 0;
  for (auto& d : v.doc.divisions)
    if (!d.is_translation())
      for (auto& t : d.turns) turns += t.spoken() && !t.blocks.empty() ? 1 : 0;
  for (auto& si : v.sentences) {
    spec += si.factuality == "speculation";
    cw += si.checkworthy;
    for (auto& m : si.mentions) terms += m.element() == "term" && m.span->begin < m.span->end;
  }
  std::size_t verdicts = 0;
  for (auto& si : v.sentences) verdicts += verdicts_of(v, si.s->id).size();
  auto stat = [&](const char* key, const char* label, std::size_t n) {
    html += "<div><dt>" + std::string(label) + "</dt><dd data-count=\"" + key + "\">" + std::to_string(n) + "</dd></div>";
  };
  html += "<dl id=\"stats\">";
  stat("sentences", "sentences", v.sentences.size());
  stat("turns", "turns", turns);
  stat("highlights", "speculative", spec);
  stat("claims", "check-worthy", cw);
  stat("terms", "terms", terms);
  stat("verdicts", "verdicts", verdicts);
  html += "</dl>\n";
}

// The page's header: the title, where the text came from, who takes part, the legend, the counts.
void page_header(std::string& html, const xp::View& v, const std::string& title, const std::string* translation_lang) {
  html += "<header class=\"top\" lang=\"en\">\n<h1 lang=\"" + esc(v.source.lang) + "\">" + esc(title) + "</h1>\n";
  std::string meta;
  if (web_url(v.source.url)) meta += "<a href=\"" + esc(v.source.url) + "\">" + esc(v.source.url) + "</a> \u00B7 ";
  else if (!v.source.url.empty()) meta += esc(v.source.url) + " \u00B7 ";
  if (!v.source.file.empty() && v.source.file != "-") meta += "file " + esc(v.source.file);
  if (!v.source.date.empty()) meta += " \u00B7 " + esc(v.source.date);
  if (!v.source.sha256.empty()) meta += " \u00B7 sha256 " + esc(v.source.sha256.substr(0, 16)) + "\u2026";
  if (!meta.empty()) html += "<p class=\"meta\">" + meta + "</p>\n";
  if (!v.persons.empty()) {
    html += "<p class=\"meta\">Participants: ";
    for (std::size_t i = 0; i < v.persons.size(); ++i) {
      auto& p = v.persons[i];
      // A person declared by a role alone (Q. A. labels, an unnamed interviewer) is shown by the
      // role, never by the internal id.
      html += (i ? ", " : "") + std::string("<span lang=\"") + esc(v.source.lang) + "\">" +
              esc(!p.name.empty() ? p.name : !p.role.empty() ? p.role : p.id) + "</span>";
      if (!p.role.empty() && !p.name.empty()) html += " (" + esc(p.role) + ")";
    }
    html += "</p>\n";
  }
  html += "<ul class=\"legend\">"
          "<li><mark class=\"s speculation\">speculation</mark> with its <b class=\"cue cue-speculation\">cue</b></li>"
          "<li><span class=\"s reported\">reported speech</span></li>"
          "<li><span class=\"s question\">question</span></li>"
          "<li><span class=\"s checkworthy\">check-worthy claim</span></li>"
          "<li><span class=\"term\" data-en=\"English\">term</span> (English on hover)</li>";
  if (translation_lang) html += "<li><span class=\"translation\">translation (" + esc(*translation_lang) + ")</span></li>";
  html += "</ul>\n";
  stats(html, v);
  html += "</header>\n";
}

// The sidebar: every check-worthy sentence, who said it, its source, hedges and verdicts.
void claims_aside(std::string& html, const xp::View& v) {
  html += "<aside id=\"claims\" lang=\"en\">\n<h2>Claims to check</h2>\n";
  std::vector<const xp::SentenceInfo*> list;
  for (auto& si : v.sentences)
    if (si.checkworthy) list.push_back(&si);
  if (list.empty()) {
    html += v.has_claims ? "<p class=\"empty\">No sentence is marked check-worthy.</p>\n"
                          : "<p class=\"empty\">No claims marked yet (run jatei-claims).</p>\n";
  } else {
    html += "<ol>\n";
    for (auto* si : list) {
      html += "<li id=\"claim-" + esc(si->s->id) + "\"><a href=\"#" + esc(si->s->id) + "\">" + esc(si->s->id) + "</a> ";
      if (!si->factuality.empty()) html += "<span class=\"tag " + esc(si->factuality) + "\">" + esc(si->factuality) + "</span>";
      std::string who = v.speaker_name(*si);
      html += "<span class=\"excerpt\" lang=\"" + esc(v.source.lang) + "\">" + esc(si->s->text) + "</span>";
      std::string info;
      if (!who.empty()) {
        info += "said by <span lang=\"" + esc(v.source.lang) + "\">" + esc(who) + "</span>";
        if (!si->turn->cert.empty()) info += " (attribution " + esc(si->turn->cert) + ")";
      }
      if (auto said = v.claim_source(*si); !said.name.empty()) {
        info += std::string(info.empty() ? "" : "; ") + "source: <a class=\"source\" href=\"#" +
                esc(said.kind == "person" ? si->s->id : said.id) + "\" lang=\"" + esc(v.source.lang) + "\">" +
                esc(said.name) + "</a>";
      }
      if (!si->hedged_by.empty()) {
        info += std::string(info.empty() ? "" : "; ") + "hedged by";
        for (auto& h : si->hedged_by) info += " <a href=\"#" + esc(h) + "\">" + esc(h) + "</a>";
      }
      if (!info.empty()) html += "<span class=\"info\">" + info + "</span>";
      for (auto* vd : verdicts_of(v, si->s->id)) {
        html += "<span class=\"info\"><span class=\"verdict\">" + esc(vd->rating.empty() ? "verdict" : vd->rating) + "</span> ";
        if (!vd->text.empty()) html += "<span lang=\"" + esc(v.source.lang) + "\">" + esc(vd->text) + "</span> ";
        if (!vd->reviewer.empty()) html += "\u2014 " + esc(vd->reviewer) + " ";
        if (web_url(vd->url)) html += "<a href=\"" + esc(vd->url) + "\">check</a>";
        else if (!vd->url.empty()) html += esc(vd->url);
        html += "</span>";
      }
      html += "</li>\n";
    }
    html += "</ol>\n";
  }
  html += "</aside>\n";
}

class Page {
 public:
  Page(const xp::View& v, const ExportOptions& o) : v_(v), o_(o) {
    auto it = v.translations.find(o.target_lang);
    if (it == v.translations.end() && !v.translations.empty()) it = v.translations.begin();
    if (it != v.translations.end()) {
      translation_ = &it->second;
      translation_lang_ = it->first;
    }
  }

  std::string render() {
    std::string title = v_.source.title.empty() ? v_.source.file : v_.source.title;
    out_ += "<!DOCTYPE html>\n<html lang=\"" + esc(v_.source.lang) + "\">\n<head>\n<meta charset=\"utf-8\">\n";
    out_ += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
    out_ += "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
            "script-src 'unsafe-inline'\">\n";
    out_ += "<meta name=\"generator\" content=\"jatei-export " + std::string(kVersion) + "\">\n";
    out_ += "<title>" + esc(title) + " \u2014 jatei review</title>\n<style>" + std::string(kStyle) + "</style>\n</head>\n<body>\n";
    page_header(out_, v_, title, translation_ ? &translation_lang_ : nullptr);
    out_ += "<div class=\"layout\">\n<main id=\"text\" lang=\"" + esc(v_.source.lang) + "\">\n";
    body();
    out_ += "</main>\n";
    claims_aside(out_, v_);
    out_ += "</div>\n<script>" + std::string(kScript) + "</script>\n</body>\n</html>\n";
    return std::move(out_);
  }

 private:
  static std::string division_label(const std::string& type) {
    if (type == "dialogue") return "Dialogue";
    if (type == "summary") return "Summary";
    if (type == "author") return "Author";
    if (type == "boilerplate") return "Boilerplate";
    return "Article";
  }

  void body() {
    for (auto& d : v_.doc.divisions) {
      if (d.is_translation()) continue;
      out_ += "<section class=\"div div-" + esc(d.type) + "\"" + (d.id.empty() ? "" : " id=\"" + esc(d.id) + "\"") + ">\n";
      out_ += "<p class=\"kind\" lang=\"en\">" + division_label(d.type) + "</p>\n";
      for (auto& t : d.turns) {
        if (t.blocks.empty()) continue;
        if (t.spoken()) {
          turn(t);
        } else {
          for (auto& b : t.blocks) block(b, nullptr);
        }
      }
      out_ += "</section>\n";
    }
  }

  void turn(const Turn& t) {
    std::vector<std::string> ids;
    for (auto& tok : xp::tokens(t.who)) ids.push_back(xp::local_id(tok));
    std::string names, roles;
    for (auto& id : ids) {
      const Person* p = v_.person(id);
      bool named = p && !p->name.empty();
      names += (names.empty() ? "" : "\u30FB") + (named ? p->name : p && !p->role.empty() ? p->role : id);
      if (named && !p->role.empty()) roles += (roles.empty() ? "" : ", ") + p->role;
    }
    std::string cls = "turn";
    if (!t.cert.empty()) cls += " cert-" + t.cert;
    out_ += "<div class=\"" + esc(cls) + "\"" + (t.id.empty() ? "" : " id=\"" + esc(t.id) + "\"") + " data-who=\"" +
            esc(ids.empty() ? "" : ids.front()) + "\"" + (t.cert.empty() ? "" : " data-cert=\"" + esc(t.cert) + "\"") + ">\n";
    out_ += "<p class=\"who\" lang=\"en\"><span class=\"name\" lang=\"" + esc(v_.source.lang) + "\">" + esc(names) + "</span>";
    if (!roles.empty()) out_ += " " + esc(roles);
    if (!t.cert.empty())
      out_ += "<span class=\"cert cert-" + esc(t.cert) + "\" title=\"how sure jatei-speakers is of this attribution\">" +
              "attribution: " + esc(t.cert) + "</span>";
    out_ += "</p>\n";
    bool first = true;
    for (auto& b : t.blocks) {
      block(b, first && t.speaker ? &*t.speaker : nullptr);
      first = false;
    }
    out_ += "</div>\n";
  }

  void block(const Block& b, const std::string* label) {
    switch (b.kind) {
      case BlockKind::opaque: return;
      case BlockKind::list:
        out_ += "<ul" + id_attr(b.id) + ">\n";
        for (auto& l : b.leaves) leaf(l, "li", "block", label), label = nullptr;
        out_ += "</ul>\n";
        return;
      case BlockKind::quote:
        out_ += "<blockquote" + id_attr(b.id) + ">\n";
        for (auto& l : b.leaves) leaf(l, "p", "block", label), label = nullptr;
        out_ += "</blockquote>\n";
        return;
      case BlockKind::figure:
        out_ += "<figure" + id_attr(b.id) + ">\n";
        for (auto& l : b.leaves) leaf(l, "figcaption", "caption", label), label = nullptr;
        out_ += "</figure>\n";
        return;
      case BlockKind::head:
        for (auto& l : b.leaves) leaf(l, "h2", "head", label), label = nullptr;
        return;
      case BlockKind::trailer:
        for (auto& l : b.leaves) leaf(l, "p", "trailer", label), label = nullptr;
        return;
      case BlockKind::byline:
        for (auto& l : b.leaves) leaf(l, "p", "byline", label), label = nullptr;
        return;
      case BlockKind::paragraph:
        for (auto& l : b.leaves) leaf(l, "p", "block", label), label = nullptr;
        return;
      case BlockKind::code:
        for (auto& l : b.leaves) leaf(l, "pre", "code", label), label = nullptr;
        return;
      case BlockKind::note:
        for (auto& l : b.leaves) leaf(l, "p", "note", label), label = nullptr;
        return;
    }
  }

  static std::string id_attr(const std::string& id) { return id.empty() ? "" : " id=\"" + esc(id) + "\""; }

  void leaf(const Leaf& l, const char* tag, const char* cls, const std::string* label) {
    // Code is not for translating: translate="no" keeps browser and machine translation off it.
    out_ += std::string("<") + tag + " class=\"" + cls + "\"" + id_attr(l.id) +
            (std::string_view(cls) == "code" ? " translate=\"no\"" : "") + ">";
    if (label) out_ += "<span class=\"label\">" + esc(*label) + "</span>";
    std::string translated;
    for (auto& p : l.pieces) {
      if (p.kind == Piece::Kind::text) {
        out_ += esc(p.text);
      } else if (p.kind == Piece::Kind::sentence) {
        const xp::SentenceInfo* si = v_.find(p.sentence.id);
        if (!si) {
          out_ += "<span class=\"s\">" + esc(p.sentence.text) + "</span>";
          continue;
        }
        sentence(*si);
        if (translation_) {
          auto it = translation_->find(p.sentence.id);
          if (it != translation_->end()) translated += (translated.empty() ? "" : " ") + it->second;
        }
      }
    }
    // The translation under its block: inside a list item or caption (a <p> cannot sit in a <ul>
    // or <figure> there), after a paragraph or heading (a <p> cannot sit in a <p>).
    bool inside = std::string_view(tag) == "li" || std::string_view(tag) == "figcaption";
    std::string tr = translated.empty() ? std::string()
                                        : std::string(inside ? "<span" : "<p") + " class=\"translation\" lang=\"" +
                                              esc(translation_lang_) + "\">" + esc(translated) + (inside ? "</span>" : "</p>\n");
    if (inside) out_ += tr;
    out_ += std::string("</") + tag + ">\n";
    if (!inside) out_ += tr;
  }

  void sentence(const xp::SentenceInfo& si) {
    bool spec = si.factuality == "speculation";
    std::string tag = spec ? "mark" : "span";
    std::string cls = "s";
    if (!si.factuality.empty()) cls += " " + si.factuality;
    if (si.checkworthy) cls += " checkworthy";
    std::string title;
    if (!si.factuality.empty()) {
      title = si.factuality;
      auto cues = si.cues();
      if (!cues.empty()) {
        title += " \u2014 cue: ";
        for (std::size_t i = 0; i < cues.size(); ++i) title += (i ? ", " : "") + cues[i]->text;
      }
      if (si.checkworthy) title += " \u2014 check-worthy";
      if (auto said = v_.claim_source(si); !said.name.empty()) title += " \u2014 source: " + said.name;
      if (!si.hedged_by.empty()) {
        title += " \u2014 hedged by";
        for (auto& h : si.hedged_by) title += " " + h;
      }
    }
    out_ += "<" + tag + " class=\"" + esc(cls) + "\" id=\"" + esc(si.s->id) + "\"" +
            (title.empty() ? "" : " title=\"" + esc(title) + "\"") + ">";
    inline_content(si);
    out_ += "</" + tag + ">";
    for (auto* vd : verdicts_of(v_, si.s->id)) {
      out_ += "<span class=\"verdict\" lang=\"en\" title=\"" + esc(vd->text) + "\">" + esc(vd->rating.empty() ? "verdict" : vd->rating);
      if (!vd->reviewer.empty()) out_ += " \u2014 <span lang=\"" + esc(v_.source.lang) + "\">" + esc(vd->reviewer) + "</span>";
      out_ += "</span>";
    }
  }

  // Opening tag for an inline TEI element.
  std::pair<std::string, std::string> tag_for(const xp::Mention& m, const xp::SentenceInfo& si) const {
    const std::string& e = m.element();
    auto a = [&](const char* n) { return m.attr(n); };
    if (e == "seg" && a("type") == "cue") {
      std::string sub = a("subtype");
      return {"<b class=\"cue cue-" + esc(sub) + "\" title=\"" + esc(sub + " cue") + "\">", "</b>"};
    }
    if (e == "term") {
      const xp::GlossaryEntry* g = v_.entry_of(*m.span, m.text);
      std::string en;
      if (g)
        for (auto& t : g->translations()) en += (en.empty() ? "" : " / ") + t;
      if (en.empty()) return {"<span class=\"term no-en\" tabindex=\"0\" title=\"term (no English in the text or termbase)\">", "</span>"};
      // Glossed right here in the sentence: print does not repeat the English.
      std::string id = m.attr("xml:id");
      bool glossed = !id.empty() && std::any_of(si.mentions.begin(), si.mentions.end(), [&](const xp::Mention& gl) {
        if (gl.element() != "gloss") return false;
        auto targets = xp::tokens(gl.attr("target"));
        return std::find(targets.begin(), targets.end(), "#" + id) != targets.end();
      });
      return {std::string("<span class=\"term") + (glossed ? " glossed" : "") + "\" tabindex=\"0\" lang=\"" + esc(v_.source.lang) +
                  "\" data-en=\"" + esc(en) + "\" title=\"" + esc(en) + "\">",
              "</span>"};
    }
    if (e == "gloss") {
      std::string lang = a("xml:lang");
      return {"<span class=\"gloss\"" + (lang.empty() ? std::string() : " lang=\"" + esc(lang) + "\"") + ">", "</span>"};
    }
    std::string value;
    if (e == "date" || e == "time") value = !a("when").empty() ? a("when") : a("type") + (a("subtype").empty() ? "" : ": " + a("subtype"));
    else if (e == "num") value = a("value");
    else if (e == "measure") value = a("quantity") + (a("unit").empty() ? "" : " " + a("unit"));
    if (e == "date" || e == "time" || e == "num" || e == "measure") {
      std::string cls = e == "time" ? "date" : e;
      if (e == "measure" && a("type") == "currency") cls += " money";
      return {"<span class=\"" + cls + "\"" + (value.empty() ? std::string() : " title=\"" + esc(value) + "\"") + ">", "</span>"};
    }
    if (e == "persName" || e == "orgName" || e == "placeName" || e == "name") {
      std::string kind = e == "persName" ? "person" : e == "orgName" ? "organisation" : e == "placeName" ? "place" : a("type");
      return {"<span class=\"name\" title=\"" + esc(kind) + "\">", "</span>"};
    }
    return {"<span class=\"tei-" + esc(e) + "\">", "</span>"};
  }

  void inline_content(const xp::SentenceInfo& si) {
    const std::string& text = si.s->text;
    std::vector<const xp::Mention*> stack;
    std::vector<std::string> closers;
    std::size_t pos = 0;
    auto text_to = [&](std::size_t end) {
      if (end > pos) {
        out_ += esc(std::string_view(text).substr(pos, end - pos));
        pos = end;
      }
    };
    for (auto& m : si.mentions) {
      if (m.span->begin >= m.span->end || m.span->end > text.size()) continue;
      if (m.element() == "note") continue;
      while (!stack.empty() && !(stack.back()->span->begin <= m.span->begin && m.span->end <= stack.back()->span->end)) {
        text_to(stack.back()->span->end);
        out_ += closers.back();
        stack.pop_back();
        closers.pop_back();
      }
      if (m.span->begin < pos) continue;
      text_to(m.span->begin);
      auto [open, close] = tag_for(m, si);
      out_ += open;
      stack.push_back(&m);
      closers.push_back(close);
    }
    while (!stack.empty()) {
      text_to(stack.back()->span->end);
      out_ += closers.back();
      stack.pop_back();
      closers.pop_back();
    }
    text_to(text.size());
  }

  const xp::View& v_;
  [[maybe_unused]] const ExportOptions& o_;
  const std::map<std::string, std::string>* translation_ = nullptr;
  std::string translation_lang_;
  std::string out_;
};

}  // namespace

std::string export_html(const Document& doc, const ExportOptions& options) {
  xp::View v(doc, options);
  return Page(v, options).render();
}

}  // namespace jatei
