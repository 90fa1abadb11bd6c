// A translated XLIFF back into the TEI as a parallel text.
//
// Sentences are found by id (the segment ids jatei-export wrote), and the XLIFF's source must
// still be the sentence's text: every article's sentences are s1, s2, …, so an id alone cannot
// tell this document's XLIFF from another's. Nothing is invented: a segment without a real
// target is reported as untranslated and left out of the translation.
#include <pugixml.hpp>

#include <algorithm>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <unordered_map>

#include "export/view.hpp"
#include "tei/escape.hpp"
#include "jatei/error.hpp"
#include "jatei/merge.hpp"
#include "jatei/segment.hpp"
#include "jatei/utf8.hpp"
#include "jatei/tei.hpp"
#include "merge/util.hpp"
#include "tei/divisions.hpp"
#include "merge/xliff_pull.hpp"
#include "tei/xml_input.hpp"

namespace jatei {
namespace {

using xliffmerge::Seg;

std::string local(const char* qname) {
  std::string_view q = qname;
  auto c = q.find(':');
  return std::string(c == std::string_view::npos ? q : q.substr(c + 1));
}

// The text of inline content: inline codes (<ph>, <sc>, <ec>, <sm>, <em>, and 1.2's <x>, <bx>,
// <ex>, <bpt>, <ept>, <it>: their content is the original format's code) are dropped, the
// text inside <mrk>, <pc>, <g> and <sub> is kept, <cp hex> becomes its character.
void flatten(pugi::xml_node n, std::string& out) {
  for (auto c : n.children()) {
    if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) {
      out += c.value();
      continue;
    }
    if (c.type() != pugi::node_element) continue;
    std::string name = local(c.name());
    if (name == "cp") {
      unsigned long v = std::strtoul(c.attribute("hex").value(), nullptr, 16);
      if (v > 0 && v <= 0x10FFFF) utf8::append(out, static_cast<char32_t>(v));
      continue;
    }
    if (xliffmerge::is_inline_code(name)) continue;
    flatten(c, out);  // mrk, pc, g, sub
  }
}

bool lang_tag(const std::string& s) {
  if (s.empty() || s.size() > 35) return false;
  return std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
  });
}

// The root is <xliff> of a version read here, in that version's namespace: returns the version.
std::string check_root(pugi::xml_node root, const mergeutil::LineIndex& lines) {
  auto [l, c] = lines.line_col(static_cast<std::size_t>(root.offset_debug()));
  if (local(root.name()) != "xliff") throw DataError("not an XLIFF document (root <" + std::string(root.name()) + ">)", l, c);
  std::string version = root.attribute("version").value();
  bool v2 = version.rfind("2.", 0) == 0;
  const char* ns = xliffmerge::namespace_of_version(version);
  if (!ns) throw DataError("unsupported XLIFF version '" + version + "' (2.0, 2.1, 2.2, 1.2 and 1.1 are read)", l, c);
  // The version says which namespace the root must be in: a document in another is not XLIFF.
  if (xml_input::root_namespace(root) != ns) {
    std::string_view got = xml_input::root_namespace(root);
    throw DataError("the root <" + std::string(root.name()) + "> is not in the XLIFF " + (v2 ? std::string("2") : version) +
                        " namespace " + ns + (got.empty() ? std::string(" (it has none)") : " (it is in " + std::string(got) + ")"),
                    l, c);
  }
  return version;
}

// One segment (2.x) or trans-unit (1.2): its id, source, target and state, and po2xliff's
// location references. `lang`, while still empty, takes the target's xml:lang.
Seg read_segment(pugi::xml_node n, bool v2, std::size_t line, std::string& lang) {
  Seg s;
  s.line = line;
  s.id = n.attribute("id").value();
  if (s.id.empty())
    throw DataError(std::string(v2 ? "<segment>" : "<trans-unit>") + " without an id: cannot tell which sentence it translates",
                    s.line, 0);
  for (auto c : n.children()) {
    if (c.type() != pugi::node_element) continue;
    std::string name = local(c.name());
    if (name == "source") flatten(c, s.source);
    if (name == "target") {
      s.has_target = true;
      flatten(c, s.target);
      if (!v2) s.state = c.attribute("state").value();
      if (lang.empty()) lang = c.attribute("xml:lang").value();
    }
    if (!v2 && name == "context-group" && std::string_view(c.attribute("purpose").value()) == "location")
      for (auto ctx : c.children())
        if (ctx.type() == pugi::node_element && local(ctx.name()) == "context" &&
            std::string_view(ctx.attribute("context-type").value()) == "sourcefile") {
          std::string loc;
          flatten(ctx, loc);
          if (!loc.empty()) s.locations.push_back(loc);
        }
  }
  if (v2) s.state = n.attribute("state").value();
  // translate is inherited: the nearest unit, group or file that says yes or no.
  for (pugi::xml_node a = n; a && a.type() == pugi::node_element; a = a.parent())
    if (pugi::xml_attribute t = a.attribute("translate")) {
      s.locked = std::string_view(t.value()) == "no";
      break;
    }
  return s;
}

// Every segment (2.x) or trans-unit (1.2), wherever it sits (groups, nested groups).
std::vector<Seg> read_segments(pugi::xml_node root, bool v2, const mergeutil::LineIndex& lines, std::string& lang) {
  struct W : pugi::xml_tree_walker {
    bool v2;
    std::vector<pugi::xml_node> nodes;
    bool for_each(pugi::xml_node& n) override {
      if (n.type() == pugi::node_element && local(n.name()) == (v2 ? "segment" : "trans-unit")) nodes.push_back(n);
      return true;
    }
  } w;
  w.v2 = v2;
  root.traverse(w);
  std::vector<Seg> segs;
  for (auto n : w.nodes) {
    // The PO header po2xliff carries as a unit is no sentence.
    if (!v2 && std::string_view(n.attribute("restype").value()) == "x-gettext-domain-header") continue;
    segs.push_back(read_segment(n, v2, lines.line_col(static_cast<std::size_t>(n.offset_debug())).first, lang));
  }
  return segs;
}

// A sentence of the document and its place in document order.
struct Where {
  const Sentence* s;
  std::size_t order;
};
using Sentences = std::map<std::string, Where>;

Sentences sentences_of(const Document& doc) {
  Sentences sentences;
  std::size_t order = 0;
  for (auto* leaf : doc.leaves()) {
    for (auto& p : leaf->pieces)
      if (p.kind == Piece::Kind::sentence && !p.sentence.id.empty()) sentences[p.sentence.id] = {&p.sentence, order++};
  }
  return sentences;
}

void check_source(const Seg& s, const std::string& id, const Sentence& sentence) {
  if (xp::squash_space(s.source) != xp::squash_space(sentence.text))
    throw DataError("the source of segment '" + id + "' is not the text of sentence " + id +
                        " (an XLIFF of another document, or of another version of this one?)",
                    s.line, 0);
}

// The target of a segment, or "" when it is not a translation (missing, empty, or a copy of
// the source still in its initial state).
std::string target_of(const Seg& s) {
  static const char* done_states[] = {"translated", "reviewed", "final", "signed-off"};
  std::string target = xp::squash_space(s.target);
  bool done = std::find(std::begin(done_states), std::end(done_states), s.state) != std::end(done_states);
  if (!s.has_target || target.empty() || (target == xp::squash_space(s.source) && !done)) return "";
  return target;
}

// Which sentences the XLIFF translates, and with what: the segments matched to sentences,
// repetitions filled in, every sentence required to have a segment.
class Matching {
 public:
  Matching(std::vector<Seg>& segs, const Sentences& sentences) : segs_(segs), sentences_(sentences) {}

  std::map<std::string, std::string> run(XliffMergeReport& report) {
    by_location();
    by_id();
    for (auto& [id, t] : from_po_) {
      seen_.emplace(id, t.second);
      if (!t.first.empty()) translated_[id] = t.first;
    }
    repetitions(report);
    require_every_sentence();
    return std::move(translated_);
  }

 private:
  // Units found by their PO references (po2xliff): they translate the sentences they name, over
  // a unit of the same id (po2xliff -t keeps the template's units and adds the PO's after them).
  void by_location() {
    for (auto& s : segs_) {
      bool named = !s.locations.empty() && std::all_of(s.locations.begin(), s.locations.end(),
                                                       [&](auto& l) { return sentences_.count(l) > 0; });
      if (!named) continue;
      std::string target = target_of(s);
      for (auto& id : s.locations) {
        check_source(s, id, *sentences_.at(id).s);
        auto [it, inserted] = from_po_.emplace(id, std::make_pair(target, s.line));
        if (inserted || target.empty()) continue;
        if (it->second.first.empty()) {
          it->second = {target, s.line};
        } else if (it->second.first != target) {
          throw DataError("sentence '" + id + "' has two different translations (the other on line " +
                              std::to_string(it->second.second) + ")",
                          s.line, 0);
        }
      }
      s.id.clear();  // done
    }
  }

  // The other segments by their ids: each a sentence of the document, once.
  void by_id() {
    for (auto& s : segs_) {
      if (s.id.empty()) continue;
      auto it = sentences_.find(s.id);
      if (it == sentences_.end())
        throw DataError("segment '" + s.id + "' is not a sentence of this document (unknown id)", s.line, 0);
      if (auto [pos, inserted] = seen_.emplace(s.id, s.line); !inserted)
        throw DataError("segment '" + s.id + "' appears twice (first on line " + std::to_string(pos->second) + ")", s.line, 0);
      check_source(s, s.id, *it->second.s);
      std::string target = target_of(s);
      if (!target.empty()) translated_[s.id] = target;
      if (s.locked) locked_.insert(s.id);
    }
  }

  // A repeated sentence (the same text) that came back untranslated takes the translation of
  // its first translated occurrence, as CAT tools propagate repetitions: a PO file holds such a
  // sentence once, and merging it into the XLIFF (pomerge) fills only its first unit.
  void repetitions(XliffMergeReport& report) {
    std::map<std::string, std::string> by_text;  // squashed source -> translation
    std::vector<std::pair<std::size_t, std::string>> ordered;
    for (auto& [id, w] : sentences_) ordered.emplace_back(w.order, id);
    std::sort(ordered.begin(), ordered.end());
    for (auto& [o, id] : ordered) {
      auto t = translated_.find(id);
      if (t != translated_.end()) by_text.emplace(xp::squash_space(sentences_.at(id).s->text), t->second);
    }
    for (auto& [o, id] : ordered) {
      if (!seen_.count(id) || translated_.count(id)) continue;
      auto t = by_text.find(xp::squash_space(sentences_.at(id).s->text));
      if (t != by_text.end()) {
        translated_[id] = t->second;
        report.repeated.push_back(id);
      } else if (locked_.count(id)) {
        report.locked.push_back(id);
      } else {
        report.untranslated.push_back(id);
      }
    }
  }

  void require_every_sentence() const {
    std::vector<std::string> missing;
    for (auto& [id, w] : sentences_)
      if (!seen_.count(id)) missing.push_back(id);
    if (missing.empty()) return;
    std::sort(missing.begin(), missing.end(), [&](const std::string& a, const std::string& b) {
      return sentences_.at(a).order < sentences_.at(b).order;
    });
    std::string list;
    for (std::size_t i = 0; i < missing.size() && i < 5; ++i) list += (i ? ", " : "") + missing[i];
    if (missing.size() > 5) list += ", …";
    throw DataError("the XLIFF has no segment for " + std::to_string(missing.size()) + " sentence(s) of the document: " + list);
  }

  std::vector<Seg>& segs_;
  const Sentences& sentences_;
  std::map<std::string, std::pair<std::string, std::size_t>> from_po_;  // id -> target, line
  std::map<std::string, std::size_t> seen_;                             // id -> line of its segment
  std::map<std::string, std::string> translated_;
  std::set<std::string> locked_;  // ids of segments in units marked translate="no"
};

// The parallel text mirrors the source: a translation division per source division with a
// translated sentence (its @subtype the source's type), the same turns (<sp who cert>, without
// the source's <speaker> label: the label is source text; the TEI writer supplies who speaks,
// as for an unlabelled turn), containers (<list>, <quote>,
// <figure>) and blocks (<p>, <item>, <head>, <trailer>, <byline>), each with the source's id
// + "." + lang and @corresp pointing at it, and an <s xml:id="s1.en" corresp="#s1"> per
// translated sentence. What holds no translated sentence is left out.
class Mirror {
 public:
  Mirror(const std::map<std::string, std::string>& translated, const std::string& lang)
      : translated_(translated), lang_(lang), spaced_(!(lang.rfind("ja", 0) == 0 || lang.rfind("zh", 0) == 0)) {}

  std::vector<Division> divisions(const Document& doc) {
    std::vector<Division> made;
    for (const Division& src : doc.divisions) {
      if (src.is_translation()) continue;
      Division div = division(src);
      if (!div.turns.empty()) made.push_back(std::move(div));
    }
    return made;
  }

  // The translation of one source division, in document order (turns without an id are
  // numbered across divisions); no turns when nothing in it is translated.
  Division division(const Division& src) {
    Division div;
    div.type = "translation";
    div.attrs.set("subtype", src.type);
    div.attrs.set("xml:lang", lang_);
    div.id = mirror(src.id, div.attrs);
    bool has_block = false;  // TEI: a <trailer> closes a division that has a block
    for (const Turn& t : src.turns) {
      Turn turn;
      if (t.spoken()) {
        turn.who = t.who;
        turn.cert = t.cert;
        turn.id = mirror(t.id, turn.attrs);
        if (turn.id.empty()) turn.id = "sp." + lang_ + "." + std::to_string(++unnamed_turns_);  // <sp> needs an id
      }
      for (const Block& b : t.blocks) {
        if (b.kind == BlockKind::opaque) continue;
        Block out = block(b);
        if (out.leaves.empty()) continue;
        if (out.kind == BlockKind::trailer && !has_block) {
          // Its blocks untranslated: a paragraph, so the division stays TEI.
          out.kind = BlockKind::paragraph;
          for (auto& l : out.leaves) l.element = "p";
        }
        if (t.spoken() || out.kind == BlockKind::paragraph || out.kind == BlockKind::list || out.kind == BlockKind::quote)
          has_block = true;
        turn.blocks.push_back(std::move(out));
      }
      if (!turn.blocks.empty()) div.turns.push_back(std::move(turn));
    }
    return div;
  }

 private:
  std::string mirror(const std::string& id, Attrs& attrs) const {
    if (id.empty()) return "";
    attrs.set("corresp", "#" + id);
    return id + "." + lang_;
  }

  // A part of the translation in the place of `src`: its attributes but @corresp, which points
  // at `src` instead, and its id + "." + lang.
  template <class Part>
  Part mirrored(const Part& src) const {
    Part out;
    out.attrs = src.attrs;
    out.attrs.erase("corresp");
    out.id = mirror(src.id, out.attrs);
    return out;
  }

  Leaf leaf(const Leaf& src) const {
    Leaf out = mirrored(src);
    out.element = src.element;
    out.lead = "\n";
    for (auto& p : src.pieces) {
      if (p.kind != Piece::Kind::sentence) continue;
      auto it = translated_.find(p.sentence.id);
      if (it == translated_.end()) continue;
      if (!out.pieces.empty() && spaced_) out.pieces.push_back({Piece::Kind::text, {}, " "});
      Piece sp;
      sp.kind = Piece::Kind::sentence;
      sp.sentence.id = p.sentence.id + "." + lang_;
      sp.sentence.text = xml::writable(it->second);
      sp.sentence.attrs.set("corresp", "#" + p.sentence.id);
      out.pieces.push_back(std::move(sp));
    }
    return out;
  }

  // The block's translated leaves (none when nothing in it is translated).
  Block block(const Block& b) const {
    Block out = mirrored(b);
    out.kind = b.kind;
    for (const Leaf& l : b.leaves) {
      Leaf t = leaf(l);
      if (!t.pieces.empty()) out.leaves.push_back(std::move(t));
    }
    return out;
  }

  const std::map<std::string, std::string>& translated_;
  const std::string& lang_;
  bool spaced_;
  std::size_t unnamed_turns_ = 0;
};

// The divisions of this language replaced by `made`, in the place of the first one replaced
// (merging again gives the same bytes), else last; @resp names the translator.
void replace_translation(Document& doc, std::vector<Division> made, const std::string& lang,
                         const XliffMergeOptions& options) {
  auto same_lang = [&](const Division& d) { return d.is_translation() && d.attrs.value("xml:lang") == lang; };
  auto existing = std::find_if(doc.divisions.begin(), doc.divisions.end(), same_lang);
  std::string resp;
  if (!options.translator.empty()) {
    resp = "#" + mergeutil::declare_resp(doc, "translation", options.translator, "translator");
  } else if (existing != doc.divisions.end() && existing->attrs.get("resp")) {
    resp = existing->attrs.value("resp");
  }
  if (!resp.empty())
    for (auto& d : made) d.attrs.set("resp", resp);
  std::size_t at_index = 0;
  for (auto& d : doc.divisions) {
    if (same_lang(d)) break;
    ++at_index;
  }
  doc.divisions.erase(std::remove_if(doc.divisions.begin(), doc.divisions.end(), same_lang), doc.divisions.end());
  at_index = std::min(at_index, doc.divisions.size());
  doc.divisions.insert(doc.divisions.begin() + static_cast<std::ptrdiff_t>(at_index), std::make_move_iterator(made.begin()),
                       std::make_move_iterator(made.end()));
}

}  // namespace

XliffMergeReport merge_xliff(Document& doc, std::string_view xliff, const std::string& origin,
                             const XliffMergeOptions& options) {
  (void)origin;
  XliffMergeReport report;
  pugi::xml_document x;
  std::vector<char> buffer;
  // One gate for every reader of outside XML: characters, entities, DTD, one root, depth.
  xml_input::parse(xliff, pugi::parse_default | pugi::parse_ws_pcdata, buffer, x);
  const mergeutil::LineIndex lines(xliff);  // one pass; each segment's line is then a search
  pugi::xml_node root = x.document_element();
  report.version = check_root(root, lines);
  bool v2 = report.version.rfind("2.", 0) == 0;
  std::string lang = options.lang;
  if (lang.empty()) lang = v2 ? root.attribute("trgLang").value() : root.child("file").attribute("target-language").value();
  std::vector<Seg> segs = read_segments(root, v2, lines, lang);
  if (lang.empty()) throw DataError("the XLIFF names no target language (trgLang / target-language): give one");
  if (!lang_tag(lang)) throw DataError("'" + lang + "' is not a language tag");
  report.lang = lang;

  const Sentences sentences = sentences_of(std::as_const(doc));
  std::map<std::string, std::string> translated = Matching(segs, sentences).run(report);
  report.translated = translated.size();
  // Nothing above changed the document.
  std::vector<Division> made = Mirror(translated, lang).divisions(std::as_const(doc));
  replace_translation(doc, std::move(made), lang, options);
  doc.add_application("jatei-merge", kVersion);
  return report;
}

// ---------------------------------------------------------------------------------------------
// The streamed merge (XliffMerge): the TEI read a block at a time, the XLIFF a segment at a time.

namespace {

// The ids a translator's respStmt is numbered past (replace_translation: "translator1", …).
constexpr const char* kTranslatorPrefix = "translator";

// Which of a sentence's segments have been met (XliffMerge::Impl::flags).
enum : std::uint8_t {
  kById = 1,     // a segment with its id (by_id)
  kByPo = 2,     // a PO unit naming it (by_location)
  kPoTarget = 4,  // … and one of those gave a translation (it wins over the segment's)
  kLocked = 8     // its segment is in a unit marked translate="no"
};

// A translation division already in the document (the first one of its language).
struct Existing {
  std::size_t position = 0;  // among the divisions
  std::optional<std::string> resp;
};

// Divisions whole, as the model holds them (tei::DivisionGatherer).
using Divisions = tei::DivisionGatherer;

// Each sentence of a source division that has an id, in document order: what sentences_of keeps.
template <class F>
void each_sentence(const Division& d, F&& f) {
  for (auto& t : d.turns)
    for (auto& b : t.blocks)
      for (auto& l : b.leaves)
        for (auto& p : l.pieces)
          if (p.kind == Piece::Kind::sentence && !p.sentence.id.empty()) f(p.sentence);
}

// The reader started again on the whole document: the stream is not the way for it.
struct NotStreamed {};

}  // namespace

struct XliffMerge::Impl {
  std::string_view tei;
  std::string origin;
  XliffMergeOptions options;
  bool streamed = true;

  // The first read: the source's sentences in document order, their ids and texts squashed.
  std::unordered_map<std::string, std::uint32_t> index;
  std::vector<const std::string*> ids;  // the keys of `index`, by order
  std::string texts;                    // each sentence's text squashed, one after the other
  std::vector<std::size_t> ends;        // where each one ends in `texts`
  std::set<std::string> prefixed;       // the ids in use that start with kTranslatorPrefix
  std::map<std::string, Existing> existing;  // by language: the first translation division
  std::size_t divisions = 0;
  std::optional<std::size_t> last_source;  // position of the last source division

  // The XLIFF: each sentence's translation (empty: none), by order.
  std::string lang;
  std::vector<std::string> targets;
  bool read_done = false;

  std::string_view text(std::uint32_t k) const {
    std::size_t b = k ? ends[k - 1] : 0;
    return std::string_view(texts).substr(b, ends[k] - b);
  }

  void survey();
  bool match(const xliffmerge::PulledHead& head, std::vector<std::uint8_t>& flags, Seg& s);
};

namespace {

// The first read of the TEI.
class Survey : public Divisions {
 public:
  explicit Survey(XliffMerge::Impl& m) : m_(m) {}
  void begin(Document& doc) override { mergeutil::ids_of(doc.header, note_); }
  void end(Document& doc) override {
    complete();
    mergeutil::ids_in_xml(doc.standoff.raw, note_);
  }
  void restart() override { throw NotStreamed{}; }

 private:
  void whole(Division& d) override {
    std::size_t position = m_.divisions++;
    if (!d.id.empty()) note_(d.id);
    for (auto& t : d.turns) mergeutil::ids_of(t, note_);
    if (d.is_translation()) {
      std::string lang = d.attrs.value("xml:lang");
      if (!m_.existing.count(lang)) {
        Existing e;
        e.position = position;
        if (auto* r = d.attrs.get("resp")) e.resp = *r;
        m_.existing.emplace(lang, std::move(e));
      }
      return;
    }
    m_.last_source = position;
    each_sentence(d, [&](const Sentence& s) {
      auto [it, inserted] = m_.index.emplace(s.id, static_cast<std::uint32_t>(m_.ids.size()));
      if (!inserted) {  // an id on two sentences: the whole read's map keeps the last
        m_.streamed = false;
        return;
      }
      m_.ids.push_back(&it->first);
      m_.texts += xp::squash_space(s.text);
      m_.ends.push_back(m_.texts.size());
    });
  }

  XliffMerge::Impl& m_;
  mergeutil::IdSink note_ = [this](const std::string& id) {
    if (id.rfind(kTranslatorPrefix, 0) == 0) m_.prefixed.insert(id);
  };
};

// The second read of the TEI: each division written as it was, but this language's translations,
// which give way to the new one; each source division's translation made as it passes and
// written in their place (or at the end).
class Writer : public Divisions {
 public:
  Writer(XliffMerge::Impl& m, const std::function<void(std::string_view)>& sink)
      : m_(m), out_(sink), mirror_(one_, m.lang), made_out_([this](std::string_view piece) { made_ += piece; }) {}

  void begin(Document& doc) override {
    // replace_translation, then add_application, as merge_xliff does
    if (!m_.options.translator.empty()) {
      resp_ = "#" + mergeutil::declare_resp(doc.header, "translation", m_.options.translator, kTranslatorPrefix,
                                            [&](const std::string& id) { return m_.prefixed.count(id) > 0; });
    } else if (auto e = m_.existing.find(m_.lang); e != m_.existing.end() && e->second.resp) {
      resp_ = *e->second.resp;
    }
    doc.add_application("jatei-merge", kVersion);
    persons_ = doc.header.persons;
    out_.begin(doc);
  }
  void end(Document& doc) override {
    complete();
    place();
    out_.end(doc);
  }
  void restart() override { throw std::logic_error("the TEI block reader started again on a document it streamed before"); }

 private:
  void whole(Division& d) override {
    if (d.is_translation()) {
      if (d.attrs.value("xml:lang") == m_.lang) {
        place();  // in the place of the first one (read() made sure no source division follows)
        return;
      }
      out_.division(d, persons_);
      return;
    }
    out_.division(d, persons_);
    one_.clear();
    each_sentence(d, [&](const Sentence& s) {
      std::string& t = m_.targets[next_++];
      if (!t.empty()) one_.emplace(s.id, std::move(t));
    });
    Division made = mirror_.division(d);
    if (made.turns.empty()) return;
    if (!resp_.empty()) made.attrs.set("resp", resp_);
    made_out_.division(made, persons_);
  }

  void place() {
    if (placed_) return;
    placed_ = true;
    made_ += made_out_.release();
    out_.pass(made_);
    std::string().swap(made_);
  }

  XliffMerge::Impl& m_;
  tei::StreamWriter out_;
  std::string made_;  // the translation divisions, written until their place comes
  std::map<std::string, std::string> one_;  // the translations of the division at hand, by id
  Mirror mirror_;
  tei::StreamWriter made_out_;
  std::vector<Person> persons_;
  std::string resp_;
  std::size_t next_ = 0;  // the order of the division's first sentence
  bool placed_ = false;
};

}  // namespace

XliffMerge::XliffMerge(std::string_view tei, const std::string& origin, const XliffMergeOptions& options)
    : impl_(std::make_unique<Impl>()) {
  impl_->tei = tei;
  impl_->origin = origin;
  impl_->options = options;
  impl_->survey();
}

XliffMerge::~XliffMerge() = default;

void XliffMerge::Impl::survey() {
  Survey s(*this);
  try {
    tei::read_blocks(tei, origin, s);
  } catch (const NotStreamed&) {
    streamed = false;
  }
  if (!streamed) {
    index.clear();
    ids.clear();
    std::string().swap(texts);
    ends.clear();
  }
}

// One segment matched as Matching does, without its messages: false where Matching throws.
bool XliffMerge::Impl::match(const xliffmerge::PulledHead& head, std::vector<std::uint8_t>& flags, Seg& s) {
  if (s.id.empty()) return false;
  const std::string source = xp::squash_space(s.source);
  const std::string target = target_of(s);
  bool named = !head.v2 && !s.locations.empty() &&
               std::all_of(s.locations.begin(), s.locations.end(), [&](auto& l) { return index.count(l) > 0; });
  if (named) {  // by_location
    for (auto& l : s.locations) {
      std::uint32_t k = index.at(l);
      if (text(k) != source) return false;
      flags[k] |= kByPo;
      if (target.empty()) continue;
      if (flags[k] & kPoTarget) {
        if (targets[k] != target) return false;  // two different translations
      } else {
        targets[k] = target;
        flags[k] |= kPoTarget;
      }
    }
    return true;
  }
  auto it = index.find(s.id);  // by_id
  if (it == index.end()) return false;
  std::uint32_t k = it->second;
  if (flags[k] & kById) return false;  // twice
  flags[k] |= kById;
  if (s.locked) flags[k] |= kLocked;
  if (text(k) != source) return false;
  if (!target.empty() && !(flags[k] & kPoTarget)) targets[k] = target;
  return true;
}

bool XliffMerge::read(std::string_view xliff, XliffMergeReport& report) {
  Impl& m = *impl_;
  if (!m.streamed || m.read_done) return false;
  const std::size_t n = m.ids.size();
  m.targets.assign(n, std::string());
  std::vector<std::uint8_t> flags(n, 0);
  xliffmerge::PulledHead head;
  bool ok = xliffmerge::pull_segments(xliff, head, [&](Seg& s) { return m.match(head, flags, s); });
  std::string lang = m.options.lang;
  if (lang.empty()) lang = head.root_lang;
  if (lang.empty()) lang = head.target_lang;
  ok = ok && !lang.empty() && lang_tag(lang);
  // Every sentence has a segment (require_every_sentence).
  ok = ok && std::all_of(flags.begin(), flags.end(), [](std::uint8_t f) { return f != 0; });
  // The new translation takes the place of this language's first one: the whole merge, when a
  // source division comes after it (its translation would go before it).
  if (auto e = m.existing.find(lang); ok && e != m.existing.end() && m.last_source && *m.last_source > e->second.position)
    ok = false;
  if (!ok) {
    m.targets.clear();
    return false;
  }
  // Repetitions: an untranslated sentence takes the translation of the first translated one
  // with the same text.
  XliffMergeReport r;
  r.version = head.version;
  r.lang = lang;
  std::unordered_map<std::string_view, std::uint32_t> by_text;
  for (std::uint32_t k = 0; k < n; ++k)
    if (!m.targets[k].empty()) by_text.emplace(m.text(k), k);
  for (std::uint32_t k = 0; k < n; ++k) {
    if (!m.targets[k].empty()) continue;
    auto t = by_text.find(m.text(k));
    if (t != by_text.end()) {
      m.targets[k] = m.targets[t->second];
      r.repeated.push_back(*m.ids[k]);
    } else if (flags[k] & kLocked) {
      r.locked.push_back(*m.ids[k]);
    } else {
      r.untranslated.push_back(*m.ids[k]);
    }
  }
  for (auto& t : m.targets)
    if (!t.empty()) ++r.translated;
  // What the write needs is the translations in document order.
  m.lang = lang;
  m.read_done = true;
  std::unordered_map<std::string, std::uint32_t>().swap(m.index);
  std::vector<const std::string*>().swap(m.ids);
  std::string().swap(m.texts);
  std::vector<std::size_t>().swap(m.ends);
  report = std::move(r);
  return true;
}

void XliffMerge::write(const std::function<void(std::string_view)>& sink) {
  Impl& m = *impl_;
  if (!m.read_done) throw std::logic_error("XliffMerge::write() before read() gave true");
  Writer w(m, sink);
  tei::read_blocks(m.tei, m.origin, w);
  m.read_done = false;  // the translations were handed over
}

XliffMergeReport merge_xliff(std::string_view tei, const std::string& tei_origin, std::string_view xliff,
                             const std::string& xliff_origin, const XliffMergeOptions& options,
                             const std::function<void(std::string_view)>& sink) {
  XliffMerge m(tei, tei_origin, options);
  XliffMergeReport report;
  if (m.read(xliff, report)) {
    m.write(sink);
    return report;
  }
  Document doc = tei::read(tei, tei_origin);
  report = merge_xliff(doc, xliff, xliff_origin, options);
  tei::write(doc, sink);
  return report;
}

}  // namespace jatei
