// XLIFF for translators. 2.1: a <unit> per block and a <segment> per sentence, both with their
// TEI ids so jatei-merge can bring the translation back; what a translator must know (who is
// speaking, which sentences hedge or report and with which words) is in <notes> and in comment
// annotations on the cue; the unit's terms are in the glossary module, their occurrences marked
// as term annotations. 1.2 (what OmegaT and translate-toolkit read): a <trans-unit> per
// sentence grouped per block, the same information as notes of each unit, the source as plain
// text so a CAT tool shows no inline tags to carry over.
//
// trgLang is always written: the target language is known (ExportOptions::target_lang, en unless
// told), and a CAT tool needs it to open the file for translation. XLIFF 2 requires it when the
// document has <target> elements (--prefill-target) and allows it otherwise.
#include <algorithm>
#include <set>

#include "export/view.hpp"
#include "jatei/error.hpp"
#include "jatei/export.hpp"

namespace jatei {
namespace {

// "Participants: 先生 (explainer); サルくん (asker)." for a note.
std::string participants(const xp::View& v) {
  std::string who = "Participants:";
  for (auto& p : v.persons) {
    who += " " + (p.name.empty() ? p.id : p.name);
    if (!p.role.empty()) who += " (" + p.role + ")";
    who += ";";
  }
  who.back() = '.';
  return who;
}

using xp::XmlOut;

const char* kXliff2Ns = "urn:oasis:names:tc:xliff:document:2.0";
const char* kGlossaryNs = "urn:oasis:names:tc:xliff:glossary:2.0";
const char* kXliff12Ns = "urn:oasis:names:tc:xliff:document:1.2";

// One block to translate.
struct UnitInfo {
  const Leaf* leaf = nullptr;
  const Turn* turn = nullptr;
  const Division* div = nullptr;
  bool first_leaf_of_turn = false;
  std::vector<const xp::SentenceInfo*> sentences;
};

std::vector<UnitInfo> units_of(const xp::View& v) {
  std::vector<UnitInfo> out;
  for (auto& si : v.sentences) {
    if (out.empty() || out.back().leaf != si.leaf) {
      UnitInfo u;
      u.leaf = si.leaf;
      u.turn = si.turn;
      u.div = si.div;
      u.first_leaf_of_turn = si.first_in_turn;
      out.push_back(u);
    }
    out.back().sentences.push_back(&si);
  }
  return out;
}

std::string division_note(const Division& d) {
  if (d.type == "summary") return "Summary of the article (a list after the body).";
  if (d.type == "author") return "Byline or author profile.";
  if (d.type == "boilerplate") return "Boilerplate: the page's furniture (navigation, related links, share, follow or subscription prompts, notices), not the article's text.";
  return "";
}

std::string block_note(const Leaf& leaf) {
  if (leaf.element == "head") return "A heading or caption.";
  if (leaf.element == "item") return "A list item.";
  if (leaf.element == "trailer") return "A trailer (e.g. \"to be continued\").";
  return "";
}

std::string speaker_note(const xp::View& v, const UnitInfo& u) {
  if (!u.turn->spoken()) return "";
  const xp::SentenceInfo& si = *u.sentences.front();
  std::string note = "Speaker: " + v.speaker_name(si);
  std::string role = v.speaker_role(si);
  if (!role.empty()) note += " (" + role + ")";
  if (!u.turn->cert.empty()) note += "; attribution certainty: " + u.turn->cert;
  note += ".";
  if (u.first_leaf_of_turn && u.turn->speaker) note += " The source labels this turn \"" + *u.turn->speaker + "\" (not a segment).";
  return note;
}

std::string quoted_cues(const xp::SentenceInfo& si) {
  std::string out;
  for (auto* c : si.cues()) {
    if (!out.empty()) out += ", ";
    out += "\u300C" + c->text + "\u300D";
  }
  return out;
}

// What a translator must keep for one sentence ("" if nothing).
std::string keep_note(const xp::View& v, const xp::SentenceInfo& si) {
  std::string out;
  if (si.factuality == "speculation" || si.factuality == "reported") {
    out = si.s->id + ": " + si.factuality + ". " + xp::keep_advice(si.factuality, si.turn->spoken());
    std::string cues = quoted_cues(si);
    if (!cues.empty()) out += " Cue: " + cues + ".";
    if (!si.covers.empty()) {
      out += " This hedge covers";
      for (auto& c : si.covers) out += " " + c;
      out += ".";
    }
  }
  for (auto& h : si.hedged_by) {
    const xp::SentenceInfo* hs = v.find(h);
    if (!out.empty()) out += " ";
    else out = si.s->id + ":";
    out += " The hedge in " + h;
    if (hs) {
      std::string cues = quoted_cues(*hs);
      if (!cues.empty()) out += " (" + cues + ")";
    }
    out += " covers this sentence: keep it as tentative as the source.";
  }
  return out;
}

// Ids unique within a unit (segments, ignorables, inline elements share one scope).
class IdScope {
 public:
  void reserve(const std::string& id) { used_.insert(id); }
  std::string take(const std::string& wanted) {
    std::string id = wanted;
    for (int k = 2; used_.count(id); ++k) id = wanted + "-" + std::to_string(k);
    used_.insert(id);
    return id;
  }

 private:
  std::set<std::string> used_;
};

// An inline annotation to write in a 2.1 source.
struct Mark {
  std::size_t begin, end;
  XmlOut::AttrList attrs;
};

void write_marked(XmlOut& x, const std::string& text, std::vector<Mark> marks) {
  std::stable_sort(marks.begin(), marks.end(), [](const Mark& a, const Mark& b) {
    if (a.begin != b.begin) return a.begin < b.begin;
    return a.end > b.end;
  });
  std::vector<const Mark*> stack;
  std::size_t pos = 0;
  auto text_to = [&](std::size_t end) {
    if (end > pos) {
      x.text(std::string_view(text).substr(pos, end - pos));
      pos = end;
    }
  };
  for (auto& m : marks) {
    while (!stack.empty() && !(stack.back()->begin <= m.begin && m.end <= stack.back()->end)) {
      text_to(stack.back()->end);
      x.close();
      stack.pop_back();
    }
    if (m.begin < pos) continue;  // would cross: keep the outer one only
    text_to(m.begin);
    x.open("mrk", m.attrs, true);
    stack.push_back(&m);
  }
  while (!stack.empty()) {
    text_to(stack.back()->end);
    x.close();
    stack.pop_back();
  }
  text_to(text.size());
}

// File notes: what the document is, who speaks, how to read the notes.
void file_notes21(XmlOut& x, const xp::View& v) {
  x.open("notes");
  int fn = 0;
  std::string about = "Source: " + (v.source.title.empty() ? v.source.file : v.source.title);
  if (!v.source.url.empty()) about += " <" + v.source.url + ">";
  if (!v.source.file.empty() && v.source.file != "-") about += "; file " + v.source.file;
  if (!v.source.sha256.empty()) about += "; sha256 " + v.source.sha256;
  about += ". Units are the blocks of the TEI document and segments its sentences, with their TEI ids: keep the ids, jatei-merge brings the translation back by them.";
  x.leaf("note", about, {{"id", "n" + std::to_string(++fn)}, {"category", "source"}});
  if (!v.persons.empty()) {
    std::string who = participants(v);
    who += " A polite explanation and a casual question call for different registers in English.";
    x.leaf("note", who, {{"id", "n" + std::to_string(++fn)}, {"category", "participants"}});
  }
  if (v.has_claims)
    x.leaf("note",
           "Speculative and reported sentences have a note that says what the translation must keep; their cue is "
           "marked as a comment annotation.",
           {{"id", "n" + std::to_string(++fn)}, {"category", "guide"}});
  x.close();
}

// One XLIFF 2.1 unit a block: its notes, its glossary, its segments with the terms and cues
// marked, the whitespace between them as ignorables.
class Unit21 {
 public:
  Unit21(XmlOut& x, const xp::View& v, const ExportOptions& o, const UnitInfo& u) : x_(x), v_(v), o_(o), u_(u) {}

  void write() {
    for (auto* si : u_.sentences)
      if (!si->s->id.empty()) ids_.reserve(si->s->id);
    std::string unit_id = u_.leaf->id.empty() ? ids_.take("u" + std::to_string(u_.sentences.front()->index + 1)) : u_.leaf->id;
    x_.open("unit", {{"id", unit_id}, {"type", "tei:" + u_.leaf->element}});
    // Notes first (their ids are what the cue annotations point at).
    collect_notes();
    // Marks and segment ids, so the glossary can point at the first occurrence of each term.
    for (auto* si : u_.sentences) segs_.push_back(marked(si));
    glossary();
    if (!notes_.empty()) {
      x_.open("notes");
      for (auto& n : notes_) x_.leaf("note", n.text, {{"id", n.id}, {"category", n.category}, {"appliesTo", "source"}});
      x_.close();
    }
    segments();
    x_.close();  // unit
  }

 private:
  struct NoteOut {
    std::string id, category, text;
  };
  struct SegmentOut {
    const xp::SentenceInfo* si;
    std::string id;
    std::vector<Mark> marks;
  };

  std::string add_note(const std::string& category, const std::string& text) {
    notes_.push_back({"n" + std::to_string(notes_.size() + 1), category, text});
    return notes_.back().id;
  }

  void collect_notes() {
    if (std::string s = speaker_note(v_, u_); !s.empty()) add_note("speaker", s);
    if (std::string s = division_note(*u_.div); !s.empty()) add_note("context", s);
    if (std::string s = block_note(*u_.leaf); !s.empty()) add_note("context", s);
    for (auto* si : u_.sentences) {
      std::string k = keep_note(v_, *si);
      if (k.empty()) continue;
      std::string category = si->factuality == "speculation" || si->factuality == "reported" ? si->factuality : "hedged";
      keep_note_of_[si->s->id] = add_note(category, k);
    }
  }

  // The sentence's segment id and marks: its terms, and the cues its keep note comments on.
  SegmentOut marked(const xp::SentenceInfo* si) {
    SegmentOut so{si, si->s->id.empty() ? ids_.take("s" + std::to_string(si->index + 1)) : si->s->id, {}};
    int n_terms = 0, n_cues = 0;
    for (auto& m : si->mentions) {
      if (m.span->begin >= m.span->end) continue;
      if (m.element() == "term") {
        std::string tid = m.attr("xml:id");
        std::string id = ids_.take(tid.empty() ? so.id + "-term" + std::to_string(++n_terms) : tid);
        so.marks.push_back({m.span->begin, m.span->end, {{"id", id}, {"type", "term"}}});
        const xp::GlossaryEntry* e = v_.entry_of(*m.span, m.text);
        if (e && std::none_of(unit_terms_.begin(), unit_terms_.end(), [&](auto& p) { return p.first == e; }))
          unit_terms_.emplace_back(e, id);
      }
    }
    auto it = keep_note_of_.find(si->s->id);
    if (it != keep_note_of_.end() && (si->factuality == "speculation" || si->factuality == "reported"))
      for (auto* c : si->cues()) {
        if (c->span->begin >= c->span->end) continue;
        std::string id = ids_.take(so.id + "-cue" + std::to_string(++n_cues));
        so.marks.push_back({c->span->begin, c->span->end, {{"id", id}, {"type", "comment"}, {"ref", "#n=" + it->second}}});
      }
    return so;
  }

  // Glossary module: one entry per concept with an English equivalent or a definition; the
  // others named in a note.
  void glossary() {
    std::vector<std::string> no_english;
    bool glossary_open = false;
    for (auto& [e, mrk] : unit_terms_) {
      auto translations = e->translations();
      std::string definition = e->definition();
      if (definition.empty()) definition = e->note();
      if (translations.empty() && definition.empty()) {
        no_english.push_back(e->forms.front());
        continue;
      }
      if (!glossary_open) {
        x_.open("gls:glossary");
        glossary_open = true;
      }
      x_.open("gls:glossEntry", {{"ref", "#" + mrk}});
      x_.leaf("gls:term", e->forms.front(), {{"source", e->ref.empty() ? "text" : e->ref}});
      for (auto& t : translations) x_.leaf("gls:translation", t, {{"source", e->source_of(t)}});
      if (!definition.empty()) x_.leaf("gls:definition", definition, {{"source", e->termbase_name}});
      x_.close();
    }
    if (glossary_open) x_.close();
    if (!no_english.empty()) {
      std::string t = "Terms without an English equivalent in the text or termbase:";
      for (auto& f : no_english) t += " \u300C" + f + "\u300D";
      add_note("terminology", t);
    }
  }

  // Segments, with the whitespace between sentences as ignorables.
  void segments() {
    std::size_t k = 0;
    bool started = false;
    for (auto& p : u_.leaf->pieces) {
      if (p.kind == Piece::Kind::text && started && !p.text.empty()) {
        x_.open("ignorable");
        x_.leaf("source", p.text, {{"xml:space", "preserve"}});
        x_.close();
        continue;
      }
      if (p.kind != Piece::Kind::sentence) continue;
      started = true;
      const SegmentOut& so = segs_[k++];
      x_.open("segment", o_.prefill_target ? XmlOut::AttrList{{"id", so.id}, {"state", "initial"}} : XmlOut::AttrList{{"id", so.id}});
      x_.open("source", {}, true);
      write_marked(x_, so.si->s->text, so.marks);
      x_.close();
      if (o_.prefill_target) {
        x_.open("target", {}, true);
        write_marked(x_, so.si->s->text, so.marks);
        x_.close();
      }
      x_.close();
    }
  }

  XmlOut& x_;
  const xp::View& v_;
  const ExportOptions& o_;
  const UnitInfo& u_;
  IdScope ids_;
  std::vector<NoteOut> notes_;
  std::map<std::string, std::string> keep_note_of_;  // sentence id -> note id
  std::vector<SegmentOut> segs_;
  std::vector<std::pair<const xp::GlossaryEntry*, std::string>> unit_terms_;  // entry, first mrk id
};

std::string xliff21(const xp::View& v, const ExportOptions& o) {
  XmlOut x;
  XmlOut::AttrList root = {{"xmlns", kXliff2Ns}, {"xmlns:gls", kGlossaryNs}, {"version", "2.1"}, {"srcLang", v.source.lang}};
  if (!o.target_lang.empty()) root.push_back({"trgLang", o.target_lang});
  x.open("xliff", root);
  XmlOut::AttrList file = {{"id", "f1"}};
  if (!v.source.file.empty() && v.source.file != "-") file.push_back({"original", v.source.file});
  x.open("file", file);
  file_notes21(x, v);
  auto units = units_of(v);
  // A file needs a unit or a group: an empty document (no sentence) gets an empty group.
  if (units.empty()) x.empty("group", {{"id", "empty"}, {"name", "no sentences"}});
  for (auto& u : units) Unit21(x, v, o, u).write();
  return x.finish();
}

std::string xliff12(const xp::View& v, const ExportOptions& o) {
  XmlOut x;
  x.open("xliff", {{"version", "1.2"}, {"xmlns", kXliff12Ns}});
  x.open("file", {{"original", v.source.file.empty() || v.source.file == "-" ? "article" : v.source.file},
                  {"source-language", v.source.lang},
                  {"target-language", o.target_lang},
                  {"datatype", "plaintext"}});
  x.open("header");
  std::string about = "Source: " + (v.source.title.empty() ? v.source.file : v.source.title);
  if (!v.source.url.empty()) about += " <" + v.source.url + ">";
  if (!v.source.sha256.empty()) about += "; sha256 " + v.source.sha256;
  about += ". One trans-unit per sentence (its TEI id), grouped by block; keep the ids for jatei-merge.";
  x.leaf("note", about, {{"from", "developer"}});
  if (!v.persons.empty()) {
    std::string who = participants(v);
    x.leaf("note", who, {{"from", "developer"}});
  }
  x.close();
  x.open("body");
  for (auto& u : units_of(v)) {
    XmlOut::AttrList g;
    if (!u.leaf->id.empty()) g.push_back({"id", u.leaf->id});
    g.push_back({"restype", "x-tei-" + u.leaf->element});
    x.open("group", g);
    std::string speaker = speaker_note(v, u);
    std::string context = division_note(*u.div);
    std::string block = block_note(*u.leaf);
    for (auto* si : u.sentences) {
      std::string id = si->s->id.empty() ? "s" + std::to_string(si->index + 1) : si->s->id;
      x.open("trans-unit", {{"id", id}, {"resname", id}, {"xml:space", "preserve"}});
      x.leaf("source", si->s->text, {{"xml:lang", v.source.lang}});
      if (o.prefill_target)
        x.leaf("target", si->s->text, {{"xml:lang", o.target_lang}, {"state", "needs-translation"}});
      if (!speaker.empty()) x.leaf("note", speaker, {{"from", "developer"}, {"annotates", "source"}});
      if (!context.empty()) x.leaf("note", context, {{"from", "developer"}, {"annotates", "source"}});
      if (!block.empty()) x.leaf("note", block, {{"from", "developer"}, {"annotates", "source"}});
      if (std::string k = keep_note(v, *si); !k.empty())
        x.leaf("note", k, {{"from", "developer"}, {"annotates", "source"}, {"priority", "1"}});
      std::vector<const xp::GlossaryEntry*> seen;
      for (auto& m : si->mentions) {
        if (m.element() != "term") continue;
        const xp::GlossaryEntry* e = v.entry_of(*m.span, m.text);
        if (!e || std::find(seen.begin(), seen.end(), e) != seen.end()) continue;
        seen.push_back(e);
        auto tr = e->translations();
        std::string t = "Term \u300C" + m.text + "\u300D";
        if (tr.empty()) {
          t += ": no English equivalent in the text or termbase";
        } else {
          // An acronym with its full name beside it: EU (European Union).
          t += " = ";
          bool first = true;
          for (auto& w : tr) {
            auto* full = e->expansion_named(w);
            if (full && std::find(tr.begin(), tr.end(), full->acronym) != tr.end()) continue;
            t += (first ? "" : " / ") + w;
            first = false;
            if (auto* ex = e->expansion_of(w)) t += " (" + ex->name + ")";
          }
        }
        if (std::string note = e->note(); !note.empty()) t += " (" + note + ")";
        t += ".";
        x.leaf("note", t, {{"from", "developer"}, {"annotates", "source"}});
      }
      x.close();
    }
    x.close();
  }
  return x.finish();
}

}  // namespace

std::string export_xliff(const Document& doc, const ExportOptions& options) {
  std::string out;
  {  // the view is let go before the check, so the two are not held at once
    xp::View v(doc, options);
    out = options.xliff_version == XliffVersion::v21 ? xliff21(v, options) : xliff12(v, options);
  }
  // The writer's own constraints: a failure here is a bug, never the user's data.
  auto problems = check_xliff(out);
  if (!problems.empty())
    throw std::logic_error("the XLIFF written breaks rule " + problems.front().rule + " (line " +
                           std::to_string(problems.front().line) + "): " + problems.front().message);
  return out;
}

}  // namespace jatei
