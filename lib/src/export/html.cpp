// The review page: one self-contained HTML file (inline CSS and a few lines of script, a
// Content-Security-Policy that forbids every network request) that an editor can open offline
// or print. Turns show their speaker and how sure the attribution is; speculative sentences are
// highlighted (<mark>) with their cue; reported speech and questions have their own styles;
// terms show their English on hover or focus (and in print); check-worthy claims are listed
// beside the text and link into it; verdicts and translations appear where they were merged.
#include <algorithm>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <span>
#include <stdexcept>

#include "export/survey.hpp"
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

// What the page needs of the whole document, from the view (export_html) or from a first read of
// the TEI (write_html): the header's facts, the participants, the verdicts, the translations, the
// glossary, and the counts the page's header shows.
struct Counts {
  std::size_t sentences = 0, turns = 0, spec = 0, cw = 0, terms = 0, verdicts = 0;
};

struct Ctx {
  const xp::SourceInfo& source;
  const std::vector<Person>& persons;
  const std::vector<xp::Verdict>& verdicts;
  // translation language -> source sentence id -> translated text
  const std::map<std::string, std::map<std::string, std::string>>& translations;
  bool has_claims = false;
  Counts counts;
  // The glossary entry of a <term> span, or nullptr.
  std::function<const xp::GlossaryEntry*(const Span&, std::string_view)> entry_of;
  // The sentence of index k, near the one at hand (xp::claim_source), nullptr past the end.
  std::function<const xp::SentenceInfo*(std::size_t)> at;

  const Person* person(std::string_view id) const {
    for (auto& p : persons)
      if (p.id == id) return &p;
    return nullptr;
  }
  std::string speaker_name(const xp::SentenceInfo& si) const { return xp::speaker_name(persons, si); }
  xp::ClaimSource claim_source(const xp::SentenceInfo& si) const { return xp::claim_source(persons, si, at); }
};

// The verdicts on a sentence.
std::vector<const xp::Verdict*> verdicts_of(const std::vector<xp::Verdict>& verdicts, const std::string& id) {
  std::vector<const xp::Verdict*> out;
  for (auto& vd : verdicts)
    if (std::find(vd.targets.begin(), vd.targets.end(), id) != vd.targets.end()) out.push_back(&vd);
  return out;
}

// One sentence in the counts (all but turns and verdicts).
void count(Counts& n, const xp::SentenceInfo& si) {
  ++n.sentences;
  n.spec += si.factuality == "speculation";
  n.cw += si.checkworthy;
  for (auto& m : si.mentions) n.terms += m.element() == "term" && m.span->begin < m.span->end;
}

// A spoken turn the page shows.
bool shown_turn(const Turn& t) { return t.spoken() && !t.blocks.empty(); }

// The counts the page's script checks against what it shows (data-count).
void stats(std::string& html, const Counts& n) {
  auto stat = [&](const char* key, const char* label, std::size_t k) {
    html += "<div><dt>" + std::string(label) + "</dt><dd data-count=\"" + key + "\">" + std::to_string(k) + "</dd></div>";
  };
  html += "<dl id=\"stats\">";
  stat("sentences", "sentences", n.sentences);
  stat("turns", "turns", n.turns);
  stat("highlights", "speculative", n.spec);
  stat("claims", "check-worthy", n.cw);
  stat("terms", "terms", n.terms);
  stat("verdicts", "verdicts", n.verdicts);
  html += "</dl>\n";
}

// The page's header: the title, where the text came from, who takes part, the legend, the counts.
void page_header(std::string& html, const Ctx& v, const std::string& title, const std::string* translation_lang) {
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
  stats(html, v.counts);
  html += "</header>\n";
}

// The sidebar's entry for a check-worthy sentence: who said it, its source, hedges and verdicts.
void claim_entry(std::string& html, const Ctx& v, const xp::SentenceInfo& si) {
  html += "<li id=\"claim-" + esc(si.s->id) + "\"><a href=\"#" + esc(si.s->id) + "\">" + esc(si.s->id) + "</a> ";
  if (!si.factuality.empty()) html += "<span class=\"tag " + esc(si.factuality) + "\">" + esc(si.factuality) + "</span>";
  std::string who = v.speaker_name(si);
  html += "<span class=\"excerpt\" lang=\"" + esc(v.source.lang) + "\">" + esc(si.s->text) + "</span>";
  std::string info;
  if (!who.empty()) {
    info += "said by <span lang=\"" + esc(v.source.lang) + "\">" + esc(who) + "</span>";
    if (!si.turn->cert.empty()) info += " (attribution " + esc(si.turn->cert) + ")";
  }
  if (auto said = v.claim_source(si); !said.name.empty()) {
    info += std::string(info.empty() ? "" : "; ") + "source: <a class=\"source\" href=\"#" +
            esc(said.kind == "person" ? si.s->id : said.id) + "\" lang=\"" + esc(v.source.lang) + "\">" +
            esc(said.name) + "</a>";
  }
  if (!si.hedged_by.empty()) {
    info += std::string(info.empty() ? "" : "; ") + "hedged by";
    for (auto& h : si.hedged_by) info += " <a href=\"#" + esc(h) + "\">" + esc(h) + "</a>";
  }
  if (!info.empty()) html += "<span class=\"info\">" + info + "</span>";
  for (auto* vd : verdicts_of(v.verdicts, si.s->id)) {
    html += "<span class=\"info\"><span class=\"verdict\">" + esc(vd->rating.empty() ? "verdict" : vd->rating) + "</span> ";
    if (!vd->text.empty()) html += "<span lang=\"" + esc(v.source.lang) + "\">" + esc(vd->text) + "</span> ";
    if (!vd->reviewer.empty()) html += "\u2014 " + esc(vd->reviewer) + " ";
    if (web_url(vd->url)) html += "<a href=\"" + esc(vd->url) + "\">check</a>";
    else if (!vd->url.empty()) html += esc(vd->url);
    html += "</span>";
  }
  html += "</li>\n";
}

// ---- a sentence ------------------------------------------------------------------------------

// The opening and closing tags of an inline TEI element of the sentence (a cue, a term with its
// English, a gloss, a date, a number, a measure, a name).
std::pair<std::string, std::string> tag_for(const Ctx& v, const xp::Mention& m, const xp::SentenceInfo& si) {
  const std::string& e = m.element();
  auto a = [&](const char* n) { return m.attr(n); };
  if (e == "seg" && a("type") == "cue") {
    std::string sub = a("subtype");
    return {"<b class=\"cue cue-" + esc(sub) + "\" title=\"" + esc(sub + " cue") + "\">", "</b>"};
  }
  if (e == "term") {
    const xp::GlossaryEntry* g = v.entry_of(*m.span, m.text);
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
    return {std::string("<span class=\"term") + (glossed ? " glossed" : "") + "\" tabindex=\"0\" lang=\"" + esc(v.source.lang) +
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

// The sentence's text with its inline elements, nested as the TEI nests them (notes left out).
void inline_content(std::string& out, const Ctx& v, const xp::SentenceInfo& si) {
  const std::string& text = si.s->text;
  std::vector<const xp::Mention*> stack;
  std::vector<std::string> closers;
  std::size_t pos = 0;
  auto text_to = [&](std::size_t end) {
    if (end > pos) {
      out += esc(std::string_view(text).substr(pos, end - pos));
      pos = end;
    }
  };
  for (auto& m : si.mentions) {
    if (m.span->begin >= m.span->end || m.span->end > text.size()) continue;
    if (m.element() == "note") continue;
    while (!stack.empty() && !(stack.back()->span->begin <= m.span->begin && m.span->end <= stack.back()->span->end)) {
      text_to(stack.back()->span->end);
      out += closers.back();
      stack.pop_back();
      closers.pop_back();
    }
    if (m.span->begin < pos) continue;
    text_to(m.span->begin);
    auto [open, close] = tag_for(v, m, si);
    out += open;
    stack.push_back(&m);
    closers.push_back(close);
  }
  while (!stack.empty()) {
    text_to(stack.back()->span->end);
    out += closers.back();
    stack.pop_back();
    closers.pop_back();
  }
  text_to(text.size());
}

// A sentence: its factuality and check-worthiness as classes, what decided them as its title, its
// inline elements, then its verdicts.
void sentence_html(std::string& out, const Ctx& v, const xp::SentenceInfo& si) {
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
    if (auto said = v.claim_source(si); !said.name.empty()) title += " \u2014 source: " + said.name;
    if (!si.hedged_by.empty()) {
      title += " \u2014 hedged by";
      for (auto& h : si.hedged_by) title += " " + h;
    }
  }
  out += "<" + tag + " class=\"" + esc(cls) + "\" id=\"" + esc(si.s->id) + "\"" +
          (title.empty() ? "" : " title=\"" + esc(title) + "\"") + ">";
  inline_content(out, v, si);
  out += "</" + tag + ">";
  for (auto* vd : verdicts_of(v.verdicts, si.s->id)) {
    out += "<span class=\"verdict\" lang=\"en\" title=\"" + esc(vd->text) + "\">" + esc(vd->rating.empty() ? "verdict" : vd->rating);
    if (!vd->reviewer.empty()) out += " \u2014 <span lang=\"" + esc(v.source.lang) + "\">" + esc(vd->reviewer) + "</span>";
    out += "</span>";
  }
}

// The page, written in document order: head(), then each division and its turns and blocks,
// end_body(), the sidebar (aside_begin(), claim() for every check-worthy sentence in order,
// aside_end()), foot(). What is written goes to the sink in pieces of about 64 KB.
class Page {
 public:
  // The reading of a sentence of the unit at hand, or nullptr (a sentence without an id).
  using Lookup = std::function<const xp::SentenceInfo*(const Sentence&)>;

  Page(const Ctx& v, const ExportOptions& o, std::function<void(std::string_view)> sink) : v_(v), sink_(std::move(sink)) {
    auto it = v.translations.find(o.target_lang);
    if (it == v.translations.end() && !v.translations.empty()) it = v.translations.begin();
    if (it != v.translations.end()) {
      translation_ = &it->second;
      translation_lang_ = it->first;
    }
  }

  void head() {
    std::string title = v_.source.title.empty() ? v_.source.file : v_.source.title;
    out_ += "<!DOCTYPE html>\n<html lang=\"" + esc(v_.source.lang) + "\">\n<head>\n<meta charset=\"utf-8\">\n";
    out_ += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
    out_ += "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
            "script-src 'unsafe-inline'\">\n";
    out_ += "<meta name=\"generator\" content=\"jatei-export " + std::string(kVersion) + "\">\n";
    out_ += "<title>" + esc(title) + " \u2014 jatei review</title>\n<style>" + std::string(kStyle) + "</style>\n</head>\n<body>\n";
    page_header(out_, v_, title, translation_ ? &translation_lang_ : nullptr);
    out_ += "<div class=\"layout\">\n<main id=\"text\" lang=\"" + esc(v_.source.lang) + "\">\n";
  }

  // A division of the source opens (the one before it closes).
  void division(const Division& d) {
    close_section();
    out_ += "<section class=\"div div-" + esc(d.type) + "\"" + (d.id.empty() ? "" : " id=\"" + esc(d.id) + "\"") + ">\n";
    out_ += "<p class=\"kind\" lang=\"en\">" + division_label(d.type) + "</p>\n";
    open_ = true;
  }

  // A turn of the division, spoken or not (its blocks).
  void unit(const Turn& t, const Lookup& info) {
    if (t.blocks.empty()) return;
    info_ = &info;
    if (t.spoken()) {
      turn(t);
    } else {
      for (auto& b : t.blocks) block(b, nullptr);
    }
    flush(false);
  }
  // A block outside any turn.
  void unit(const Block& b, const Lookup& info) {
    info_ = &info;
    block(b, nullptr);
    flush(false);
  }

  void end_body() {
    close_section();
    out_ += "</main>\n";
  }

  void aside_begin() {
    out_ += "<aside id=\"claims\" lang=\"en\">\n<h2>Claims to check</h2>\n";
    if (v_.counts.cw == 0) {
      out_ += v_.has_claims ? "<p class=\"empty\">No sentence is marked check-worthy.</p>\n"
                            : "<p class=\"empty\">No claims marked yet (run jatei-claims).</p>\n";
    } else {
      out_ += "<ol>\n";
    }
  }
  void claim(const xp::SentenceInfo& si) {
    claim_entry(out_, v_, si);
    flush(false);
  }
  void aside_end() {
    if (v_.counts.cw != 0) out_ += "</ol>\n";
    out_ += "</aside>\n";
  }

  void foot() {
    out_ += "</div>\n<script>" + std::string(kScript) + "</script>\n</body>\n</html>\n";
    flush(true);
  }

 private:
  void flush(bool all) {
    if (out_.empty() || (!all && out_.size() < (std::size_t(64) << 10))) return;
    sink_(out_);
    out_.clear();
  }

  void close_section() {
    if (open_) out_ += "</section>\n";
    open_ = false;
  }

  static std::string division_label(const std::string& type) {
    if (type == "dialogue") return "Dialogue";
    if (type == "summary") return "Summary";
    if (type == "author") return "Author";
    if (type == "boilerplate") return "Boilerplate";
    return "Article";
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
        const xp::SentenceInfo* si = (*info_)(p.sentence);
        if (!si) {
          out_ += "<span class=\"s\">" + esc(p.sentence.text) + "</span>";
          continue;
        }
        sentence_html(out_, v_, *si);
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

  const Ctx& v_;
  std::function<void(std::string_view)> sink_;
  const Lookup* info_ = nullptr;
  const std::map<std::string, std::string>* translation_ = nullptr;
  std::string translation_lang_;
  std::string out_;
  bool open_ = false;
};

// ---- a read a few turns at a time -----------------------------------------------------------

// The first read's sentences: the survey of the XLIFF export (participants, glossary, hedges),
// the counts, and the dateline's date.
class HtmlSurvey : public xp::Reader {
 public:
  explicit HtmlSurvey(const ExportOptions& o) : survey(o) {}
  xp::Survey survey;
  Counts counts;
  std::string dateline;  // the article's date from its dateline (xp::dateline_date, as xp::View)

  void begin(const Document& doc) override { survey.begin(doc); }
  void sentences(std::vector<xp::SentenceInfo>&& sis) override {
    for (auto& si : sis) {
      count(counts, si);
      if (dateline.empty()) dateline = xp::dateline_date(si);
    }
    survey.sentences(std::move(sis));
  }
  void restart() override {
    survey.restart();
    counts = Counts();
    dateline.clear();
  }
};

// The first read: the sentences to the survey, and what lies outside them: the spoken turns
// shown, the translations, the verdicts of the stand-off.
class FirstRead : public tei::BlockHandler {
 public:
  explicit FirstRead(HtmlSurvey& s) : s_(s), blocks_(s) {}
  std::map<std::string, std::map<std::string, std::string>> translations;
  std::vector<xp::Verdict> verdicts;
  bool restarted() const { return blocks_.restarted; }

  void begin(Document& doc) override {
    for (auto& r : doc.header.responsibilities)
      resp_names_[r.id] = r.names.empty() ? std::string() : xp::squash_space(r.names.front());
    blocks_.begin(doc);
  }
  void division(Division&& d) override {
    tr_ = d.is_translation() ? &translations[d.attrs.value("xml:lang")] : nullptr;
    blocks_.division(std::move(d));
  }
  void block(Block&& b, std::size_t run) override {
    if (tr_) translate(b);
    blocks_.block(std::move(b), run);
  }
  void turn(Turn&& t) override {
    if (tr_) {
      for (auto& b : t.blocks) translate(b);
    } else if (shown_turn(t)) {
      ++s_.counts.turns;
    }
    blocks_.turn(std::move(t));
  }
  void end(Document& doc) override {
    for (const FactCheck& fc : doc.standoff.fact_checks) verdicts.push_back(xp::verdict_of(fc, resp_names_));
    blocks_.end(doc);
  }
  void restart() override {
    translations.clear();
    verdicts.clear();
    resp_names_.clear();
    tr_ = nullptr;
    blocks_.restart();  // the survey's too
  }

 private:
  // A translated sentence goes to the source sentence its @corresp names first (as xp::View).
  void translate(const Block& b) {
    for (auto& l : b.leaves)
      for (auto& p : l.pieces) {
        if (p.kind != Piece::Kind::sentence) continue;
        auto ids = xp::tokens(p.sentence.attrs.value("corresp"));
        if (ids.empty()) continue;
        std::string& slot = (*tr_)[xp::local_id(ids.front())];
        if (!slot.empty()) slot += " ";
        slot += p.sentence.text;
      }
  }
  HtmlSurvey& s_;
  xp::Blocks blocks_;
  std::map<std::string, std::string> resp_names_;
  std::map<std::string, std::string>* tr_ = nullptr;
};

// A read that counts the verdicts on the sentences (only when the document has some).
class VerdictCount : public xp::Reader {
 public:
  explicit VerdictCount(const std::vector<xp::Verdict>& v) : v_(v) {}
  std::size_t n = 0;
  void begin(const Document&) override {}
  void sentences(std::vector<xp::SentenceInfo>&& sis) override {
    for (auto& si : sis) n += verdicts_of(v_, si.s->id).size();
  }
  void restart() override { n = 0; }

 private:
  const std::vector<xp::Verdict>& v_;
};

// The document read again, each division, turn and block handed on, with the reading of its
// sentences, once the seven sentences after its last are read (xp::claim_source looks seven after
// and eight before a sentence: those are kept, the rest let go); hedged_by filled in.
class Turns : public tei::BlockHandler {
 public:
  struct Unit {
    std::shared_ptr<const Division> div;  // the division; a unit with neither block nor turn opens it
    std::unique_ptr<Block> block;
    std::unique_ptr<Turn> turn;
    std::vector<xp::SentenceInfo> sis;
  };
  using Each = std::function<void(const Unit&)>;
  Turns(const xp::Facts& f, Each each) : f_(f), each_(std::move(each)) {}

  // The sentence of index k while it is held, else nullptr.
  const xp::SentenceInfo* at(std::size_t k) const {
    if (k < base_ || k >= base_ + at_.size()) return nullptr;
    return at_[k - base_];
  }

  void begin(Document&) override {}
  void division(Division&& d) override {
    skip_ = d.is_translation();
    div_ = std::make_shared<const Division>(std::move(d));
    if (skip_) return;
    auto u = std::make_unique<Unit>();
    u->div = div_;
    hold(std::move(u));
  }
  void block(Block&& b, std::size_t) override {
    if (skip_) return;
    auto u = std::make_unique<Unit>();
    u->div = div_;
    u->block = std::make_unique<Block>(std::move(b));
    u->sis = xp::infos(*div_, nobody_, std::span<const Block>(u->block.get(), 1), read_);
    hold(std::move(u));
  }
  void turn(Turn&& t) override {
    if (skip_) return;
    auto u = std::make_unique<Unit>();
    u->div = div_;
    u->turn = std::make_unique<Turn>(std::move(t));
    u->sis = xp::infos(*div_, *u->turn, u->turn->blocks, read_);
    hold(std::move(u));
  }
  void end(Document&) override {
    ended_ = true;
    flush();
  }
  void restart() override { throw std::logic_error("the TEI block reader started again on a document it streamed before"); }

 private:
  void hold(std::unique_ptr<Unit> u) {
    for (auto& si : u->sis) at_.push_back(&si);
    held_.push_back(std::move(u));
    flush();
  }
  void flush() {
    while (done_ < held_.size()) {
      Unit& u = *held_[done_];
      if (!ended_ && !u.sis.empty() && u.sis.back().index + 8 > read_) break;
      for (auto& si : u.sis) {
        if (si.s->id.empty()) continue;
        if (auto h = f_.hedges_of.find(si.s->id); h != f_.hedges_of.end())
          for (auto& [index, id] : h->second)
            if (index != si.index) si.hedged_by.push_back(id);
      }
      each_(u);
      ++done_;
    }
    // Let go of the units handed on whose sentences all lie more than eight before the next one.
    std::size_t next = read_;
    for (std::size_t k = done_; k < held_.size(); ++k)
      if (!held_[k]->sis.empty()) {
        next = held_[k]->sis.front().index;
        break;
      }
    while (done_ > 0) {
      std::size_t n = held_.front()->sis.size();
      if (n > 0 && held_.front()->sis.back().index + 8 >= next) break;
      held_.pop_front();
      for (std::size_t i = 0; i < n; ++i) at_.pop_front();
      base_ += n;
      --done_;
    }
  }

  const xp::Facts& f_;
  Each each_;
  std::shared_ptr<const Division> div_;
  const Turn nobody_{};
  bool skip_ = false, ended_ = false;
  std::deque<std::unique_ptr<Unit>> held_;  // those handed on first (done_ of them), then those waiting
  std::size_t done_ = 0;
  std::deque<xp::SentenceInfo*> at_;  // the held sentences, by index from base_
  std::size_t base_ = 0, read_ = 0;
};

}  // namespace

std::string export_html(const Document& doc, const ExportOptions& options) {
  xp::View v(doc, options);
  Ctx c{v.source, v.persons, v.verdicts, v.translations, v.has_claims, {},
        [&](const Span& span, std::string_view surface) { return v.entry_of(span, surface); },
        [&](std::size_t k) { return k < v.sentences.size() ? &v.sentences[k] : nullptr; }};
  for (auto& d : doc.divisions)
    if (!d.is_translation())
      for (auto& t : d.turns) c.counts.turns += shown_turn(t) ? 1 : 0;
  for (auto& si : v.sentences) {
    count(c.counts, si);
    c.counts.verdicts += verdicts_of(v.verdicts, si.s->id).size();
  }
  std::string out;
  Page page(c, options, [&](std::string_view piece) { out += piece; });
  page.head();
  Page::Lookup find = [&](const Sentence& s) { return v.find(s.id); };
  for (auto& d : doc.divisions) {
    if (d.is_translation()) continue;
    page.division(d);
    for (auto& t : d.turns) page.unit(t, find);
  }
  page.end_body();
  page.aside_begin();
  for (auto& si : v.sentences)
    if (si.checkworthy) page.claim(si);
  page.aside_end();
  page.foot();
  return out;
}

void write_html(std::string_view tei, const std::string& origin, const ExportOptions& options,
                const std::function<void(std::string_view)>& sink) {
  bool restarted = false;
  HtmlSurvey s(options);
  FirstRead first(s);
  tei::read_blocks(tei, origin, first);  // the input's errors first
  if (first.restarted()) {  // a layout the block reader takes only whole: read whole
    sink(export_html(tei::read(tei, origin), options));
    return;
  }
  xp::Facts f = s.survey.facts(xp::blocks_of(tei, origin, restarted));
  if (f.source.date.empty()) f.source.date = s.dateline;
  Ctx c{f.source, f.persons, first.verdicts, first.translations, f.has_claims, s.counts,
        [&](const Span& span, std::string_view surface) { return f.entry_of(span, surface); }, nullptr};
  if (!first.verdicts.empty()) {
    VerdictCount vc(first.verdicts);
    xp::blocks_of(tei, origin, restarted)(vc);
    c.counts.verdicts = vc.n;
  }
  Page page(c, options, sink);
  page.head();
  {
    Turns turns(f, [&](const Turns::Unit& u) {
      // The unit's sentences by position: an id-less one is no sentence the view finds.
      Page::Lookup find = [&](const Sentence& sentence) -> const xp::SentenceInfo* {
        if (sentence.id.empty()) return nullptr;
        for (auto& si : u.sis)
          if (si.s == &sentence) return &si;
        return nullptr;
      };
      if (u.block) page.unit(*u.block, find);
      else if (u.turn) page.unit(*u.turn, find);
      else page.division(*u.div);
    });
    c.at = [&turns](std::size_t k) { return turns.at(k); };
    tei::read_blocks(tei, origin, turns);
  }
  page.end_body();
  page.aside_begin();
  if (c.counts.cw != 0) {
    Turns turns(f, [&](const Turns::Unit& u) {
      for (auto& si : u.sis)
        if (si.checkworthy) page.claim(si);
    });
    c.at = [&turns](std::size_t k) { return turns.at(k); };
    tei::read_blocks(tei, origin, turns);
  }
  page.aside_end();
  page.foot();
}

}  // namespace jatei
