// A translated XLIFF back into the TEI as a parallel text.
//
// Sentences are found by id (the segment ids jatei-export wrote), and the XLIFF's source must
// still be the sentence's text: every article's sentences are s1, s2, …, so an id alone cannot
// tell this document's XLIFF from another's. Nothing is invented: a segment without a real
// target is reported as untranslated and left out of the translation.
#include <pugixml.hpp>

#include <algorithm>
#include <map>

#include "export/view.hpp"
#include "tei/escape.hpp"
#include "jatei/error.hpp"
#include "jatei/merge.hpp"
#include "jatei/segment.hpp"
#include "jatei/utf8.hpp"
#include "merge/util.hpp"
#include "tei/xml_input.hpp"

namespace jatei {
namespace {

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
    if (name == "ph" || name == "sc" || name == "ec" || name == "sm" || name == "em" || name == "x" || name == "bx" ||
        name == "ex" || name == "bpt" || name == "ept" || name == "it")
      continue;
    flatten(c, out);  // mrk, pc, g, sub
  }
}

struct Seg {
  std::string id;
  // translate-toolkit's PO-XLIFF (po2xliff): the sentence ids a unit translates, from its
  // <context-group purpose="location"> (the PO's "#:" references, which xliff2po took from the
  // ids); a PO that merged repeated sentences names several.
  std::vector<std::string> locations;
  std::string source;
  bool has_target = false;
  std::string target;
  std::string state;
  std::size_t line = 0;
};

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
  bool v2 = version == "2.0" || version == "2.1" || version == "2.2";
  // 1.1: what translate-toolkit's po2xliff writes without a template.
  if (!v2 && version != "1.2" && version != "1.1")
    throw DataError("unsupported XLIFF version '" + version + "' (2.0, 2.1, 2.2, 1.2 and 1.1 are read)", l, c);
  // The version says which namespace the root must be in: a document in another is not XLIFF.
  const char* ns = v2 ? "urn:oasis:names:tc:xliff:document:2.0"
                      : version == "1.1" ? "urn:oasis:names:tc:xliff:document:1.1" : "urn:oasis:names:tc:xliff:document:1.2";
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

}  // namespace jatei
