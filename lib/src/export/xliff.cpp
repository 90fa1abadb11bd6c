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
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <span>
#include <stdexcept>
#include <unordered_set>

#include "export/survey.hpp"
#include "export/view.hpp"
#include "jatei/error.hpp"
#include "jatei/export.hpp"
#include "jatei/tei.hpp"

namespace jatei {
namespace {

using xp::Facts;
using xp::Reader;
using xp::Feed;
using xp::feed;
using xp::quoted_cues;


// "Participants: 先生 (explainer); サルくん (asker)." for a note.
std::string participants(const Facts& v) {
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

// The units of consecutive sentences: one a leaf.
std::vector<UnitInfo> units_of(const std::vector<xp::SentenceInfo>& sentences) {
  std::vector<UnitInfo> out;
  for (auto& si : sentences) {
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

std::string speaker_note(const Facts& v, const UnitInfo& u) {
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


// What a translator must keep for one sentence ("" if nothing).
std::string keep_note(const Facts& v, const xp::SentenceInfo& si) {
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
    if (!out.empty()) out += " ";
    else out = si.s->id + ":";
    out += " The hedge in " + h;
    if (auto hs = v.hedge_cues.find(h); hs != v.hedge_cues.end() && !hs->second.empty()) out += " (" + hs->second + ")";
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
void file_notes21(XmlOut& x, const Facts& v) {
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
  Unit21(XmlOut& x, const Facts& v, const ExportOptions& o, const UnitInfo& u) : x_(x), v_(v), o_(o), u_(u) {}

  // Writes the unit; gives its id.
  std::string write() {
    for (auto* si : u_.sentences)
      if (!si->s->id.empty()) ids_.reserve(si->s->id);
    std::string unit_id = u_.leaf->id.empty() ? ids_.take("u" + std::to_string(u_.sentences.front()->index + 1)) : u_.leaf->id;
    XmlOut::AttrList unit{{"id", unit_id}, {"type", "tei:" + u_.leaf->element}};
    if (o_.lock_boilerplate && u_.div->type == "boilerplate") unit.push_back({"translate", "no"});
    x_.open("unit", unit);
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
    return unit_id;
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
  const Facts& v_;
  const ExportOptions& o_;
  const UnitInfo& u_;
  IdScope ids_;
  std::vector<NoteOut> notes_;
  std::map<std::string, std::string> keep_note_of_;  // sentence id -> note id
  std::vector<SegmentOut> segs_;
  std::vector<std::pair<const xp::GlossaryEntry*, std::string>> unit_terms_;  // entry, first mrk id
};


// The output handed on as it is written, checked on the way (the writer's own constraints: a
// failure is a bug, never the user's data): units gathered into batches of about 256 KB, each
// checked by check_xliff wrapped in the document's head (the root, the file and its notes) and
// closed, before it reaches the sink; the ids whose scope is the whole file (units, groups,
// trans-units) are checked across the batches here. So every rule check_xliff checks on the whole
// output is checked, and the output is never held whole.
class CheckedOut {
 public:
  using Sink = std::function<void(std::string_view)>;
  CheckedOut(const Sink& sink, std::string closing) : sink_(sink), closing_(std::move(closing)) {}
  void head(std::string h) {
    head_ = std::move(h);
    head_lines_ = lines_ = newlines(head_);
  }
  // An id that must be unique in the file: of a unit (K3), a group (K2, 1.2's "id"), a trans-unit.
  void file_id(const char* rule, const char* what, const std::string& id) {
    if (!ids_[what].insert(id).second)
      fail(rule, lines_ + newlines(batch_) + 1, std::string(what) + " id '" + id + "' is not unique in the file");
  }
  void unit(std::string&& xml) {
    if (batch_.empty()) batch_ = std::move(xml);
    else batch_ += xml;
    if (batch_.size() >= kBatch) flush();
  }
  void end(std::string&& tail) {
    flush();
    if (!head_written_) sink_(head_);
    sink_(tail);
  }
  // A document without units, checked whole (it is small).
  void whole(std::string&& doc) {
    auto problems = check_xliff(doc);
    if (!problems.empty()) fail(problems.front().rule, problems.front().line, problems.front().message);
    sink_(doc);
  }

 private:
  static constexpr std::size_t kBatch = std::size_t(1) << 18;
  static std::size_t newlines(std::string_view s) { return static_cast<std::size_t>(std::count(s.begin(), s.end(), '\n')); }
  [[noreturn]] static void fail(const std::string& rule, std::size_t line, const std::string& message) {
    throw std::logic_error("the XLIFF written breaks rule " + rule + " (line " + std::to_string(line) + "): " + message);
  }
  void flush() {
    if (batch_.empty()) return;
    std::string doc;
    doc.reserve(head_.size() + batch_.size() + closing_.size());
    doc += head_;
    doc += batch_;
    doc += closing_;
    auto problems = check_xliff(doc);
    if (!problems.empty()) {
      std::size_t line = problems.front().line;
      if (line > head_lines_) line = line - head_lines_ + lines_;
      fail(problems.front().rule, line, problems.front().message);
    }
    if (!head_written_) sink_(head_);
    head_written_ = true;
    sink_(batch_);
    lines_ += newlines(batch_);
    batch_.clear();
  }
  const Sink& sink_;
  std::string closing_, head_, batch_;
  std::size_t head_lines_ = 0, lines_ = 0;
  bool head_written_ = false;
  std::map<std::string, std::unordered_set<std::string>> ids_;
};

// The second read: the units, a turn at a time.
class Writer : public Reader {
 public:
  Writer(const Facts& f, const ExportOptions& o, const CheckedOut::Sink& sink)
      : f_(f), o_(o), v21_(o.xliff_version == XliffVersion::v21), out_(sink, v21_ ? "</file></xliff>" : "</body></file></xliff>") {}

  void begin(const Document&) override {
    if (v21_) {
      XmlOut::AttrList root = {{"xmlns", kXliff2Ns}, {"xmlns:gls", kGlossaryNs}, {"version", "2.1"}, {"srcLang", f_.source.lang}};
      if (!o_.target_lang.empty()) root.push_back({"trgLang", o_.target_lang});
      x_.open("xliff", root);
      XmlOut::AttrList file = {{"id", "f1"}};
      if (!f_.source.file.empty() && f_.source.file != "-") file.push_back({"original", f_.source.file});
      x_.open("file", file);
      file_notes21(x_, f_);
    } else {
      x_.open("xliff", {{"version", "1.2"}, {"xmlns", kXliff12Ns}});
      x_.open("file", {{"original", f_.source.file.empty() || f_.source.file == "-" ? "article" : f_.source.file},
                       {"source-language", f_.source.lang},
                       {"target-language", o_.target_lang},
                       {"datatype", "plaintext"}});
      x_.open("header");
      std::string about = "Source: " + (f_.source.title.empty() ? f_.source.file : f_.source.title);
      if (!f_.source.url.empty()) about += " <" + f_.source.url + ">";
      if (!f_.source.sha256.empty()) about += "; sha256 " + f_.source.sha256;
      about += ". One trans-unit per sentence (its TEI id), grouped by block; keep the ids for jatei-merge.";
      x_.leaf("note", about, {{"from", "developer"}});
      if (!f_.persons.empty()) {
        std::string who = participants(f_);
        x_.leaf("note", who, {{"from", "developer"}});
      }
      x_.close();
      x_.open("body");
    }
    head_len_ = x_.size();
  }

  void sentences(std::vector<xp::SentenceInfo>&& sis) override {
    for (auto& si : sis) {
      if (si.s->id.empty()) continue;
      auto it = f_.hedges_of.find(si.s->id);
      if (it == f_.hedges_of.end()) continue;
      for (auto& [index, hedge] : it->second)
        if (index != si.index) si.hedged_by.push_back(hedge);
    }
    for (auto& u : units_of(sis)) {
      if (v21_) out_.file_id("K3", "unit", Unit21(x_, f_, o_, u).write());
      else group12(u);
      std::string piece = x_.take();
      if (!started_) {
        out_.head(piece.substr(0, head_len_));
        piece.erase(0, head_len_);
        started_ = true;
      }
      out_.unit(std::move(piece));
    }
  }

  void end() override {
    if (!started_) {
      // A file needs a unit or a group: an empty document (no sentence) gets an empty group.
      if (v21_) x_.empty("group", {{"id", "empty"}, {"name", "no sentences"}});
      out_.whole(x_.finish());
      return;
    }
    out_.end(x_.finish());
  }

  void restart() override {
    if (started_) throw std::logic_error("the TEI reader started again after the XLIFF was written");
    x_ = XmlOut();
  }

 private:
  void group12(const UnitInfo& u) {
    XmlOut::AttrList g;
    if (!u.leaf->id.empty()) {
      g.push_back({"id", u.leaf->id});
      out_.file_id("id", "group", u.leaf->id);
    }
    g.push_back({"restype", "x-tei-" + u.leaf->element});
    x_.open("group", g);
    std::string speaker = speaker_note(f_, u);
    std::string context = division_note(*u.div);
    std::string block = block_note(*u.leaf);
    for (auto* si : u.sentences) {
      std::string id = si->s->id.empty() ? "s" + std::to_string(si->index + 1) : si->s->id;
      out_.file_id("id", "trans-unit", id);
      XmlOut::AttrList tu{{"id", id}, {"resname", id}};
      if (o_.lock_boilerplate && u.div->type == "boilerplate") tu.push_back({"translate", "no"});
      tu.push_back({"xml:space", "preserve"});
      x_.open("trans-unit", tu);
      x_.leaf("source", si->s->text, {{"xml:lang", f_.source.lang}});
      if (o_.prefill_target)
        x_.leaf("target", si->s->text, {{"xml:lang", o_.target_lang}, {"state", "needs-translation"}});
      if (!speaker.empty()) x_.leaf("note", speaker, {{"from", "developer"}, {"annotates", "source"}});
      if (!context.empty()) x_.leaf("note", context, {{"from", "developer"}, {"annotates", "source"}});
      if (!block.empty()) x_.leaf("note", block, {{"from", "developer"}, {"annotates", "source"}});
      if (std::string k = keep_note(f_, *si); !k.empty())
        x_.leaf("note", k, {{"from", "developer"}, {"annotates", "source"}, {"priority", "1"}});
      std::vector<const xp::GlossaryEntry*> seen;
      for (auto& m : si->mentions) {
        if (m.element() != "term") continue;
        const xp::GlossaryEntry* e = f_.entry_of(*m.span, m.text);
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
        // An ambiguous term's senses (its definition says them), else the termbase's note.
        if (std::string note = e->ambiguous() ? e->definition() : e->note(); !note.empty()) {
          if (e->ambiguous() && note.back() == '.') note.pop_back();
          t += " (" + note + ")";
        }
        t += ".";
        x_.leaf("note", t, {{"from", "developer"}, {"annotates", "source"}});
      }
      x_.close();
    }
    x_.close();
  }

  const Facts& f_;
  const ExportOptions& o_;
  bool v21_;
  CheckedOut out_;
  XmlOut x_;
  std::size_t head_len_ = 0;
  bool started_ = false;
};


}  // namespace

std::string export_xliff(const Document& doc, const ExportOptions& options) {
  Feed in_memory = [&](Reader& r) { feed(doc, r); };
  Facts f = xp::gather(options, in_memory);
  std::string out;
  Writer w(f, options, [&](std::string_view piece) { out += piece; });
  feed(doc, w);
  return out;
}

void write_xliff(std::string_view tei, const std::string& origin, const ExportOptions& options,
                 const std::function<void(std::string_view)>& sink) {
  bool restarted = false;
  Feed blocks = xp::blocks_of(tei, origin, restarted);
  Facts f = xp::gather(options, blocks);  // the input's errors, before anything is written
  Writer w(f, options, sink);
  if (!restarted) return blocks(w);
  // A layout the block reader takes only whole (it started again in the survey): read whole, so
  // that nothing written has to be taken back.
  Document doc = tei::read(tei, origin);
  feed(doc, w);
}

}  // namespace jatei
