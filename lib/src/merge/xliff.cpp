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

}  // namespace

XliffMergeReport merge_xliff(Document& doc, std::string_view xliff, const std::string& origin,
                             const XliffMergeOptions& options) {
  (void)origin;
  XliffMergeReport report;
  pugi::xml_document x;
  std::vector<char> buffer;
  // One gate for every reader of outside XML: characters, entities, DTD, one root, depth.
  xml_input::parse(xliff, pugi::parse_default | pugi::parse_ws_pcdata, buffer, x);
  auto at = [&](std::ptrdiff_t off) { return mergeutil::line_col(xliff, static_cast<std::size_t>(off)); };
  pugi::xml_node root = x.document_element();
  if (local(root.name()) != "xliff") {
    auto [l, c] = at(root.offset_debug());
    throw DataError("not an XLIFF document (root <" + std::string(root.name()) + ">)", l, c);
  }
  std::string version = root.attribute("version").value();
  bool v2 = version == "2.0" || version == "2.1" || version == "2.2";
  if (!v2 && version != "1.2") {
    auto [l, c] = at(root.offset_debug());
    throw DataError("unsupported XLIFF version '" + version + "' (2.0, 2.1, 2.2 and 1.2 are read)", l, c);
  }
  // The version says which namespace the root must be in: a document in another is not XLIFF.
  const char* ns = v2 ? "urn:oasis:names:tc:xliff:document:2.0" : "urn:oasis:names:tc:xliff:document:1.2";
  if (xml_input::root_namespace(root) != ns) {
    auto [l, c] = at(root.offset_debug());
    std::string_view got = xml_input::root_namespace(root);
    throw DataError("the root <" + std::string(root.name()) + "> is not in the XLIFF " + (v2 ? "2" : "1.2") +
                        " namespace " + ns + (got.empty() ? std::string(" (it has none)") : " (it is in " + std::string(got) + ")"),
                    l, c);
  }
  report.version = version;
  std::string lang = options.lang;
  if (lang.empty()) lang = v2 ? root.attribute("trgLang").value() : root.child("file").attribute("target-language").value();

  // Every segment (2.x) or trans-unit (1.2), wherever it sits (groups, nested groups).
  std::vector<Seg> segs;
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
  for (auto n : w.nodes) {
    Seg s;
    s.line = at(n.offset_debug()).first;
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
    }
    if (v2) s.state = n.attribute("state").value();
    segs.push_back(std::move(s));
  }
  if (lang.empty()) throw DataError("the XLIFF names no target language (trgLang / target-language): give one");
  if (!lang_tag(lang)) throw DataError("'" + lang + "' is not a language tag");
  report.lang = lang;

  // The document's sentences, and the blocks they sit in.
  struct Where {
    const Sentence* s;
    const Leaf* leaf;
    std::size_t order;
  };
  std::map<std::string, Where> sentences;
  std::vector<const Leaf*> leaves;
  std::size_t order = 0;
  for (auto* leaf : std::as_const(doc).leaves()) {
    leaves.push_back(leaf);
    for (auto& p : leaf->pieces)
      if (p.kind == Piece::Kind::sentence && !p.sentence.id.empty()) sentences[p.sentence.id] = {&p.sentence, leaf, order++};
  }
  std::map<std::string, std::string> translated;
  std::map<std::string, std::size_t> seen;
  for (auto& s : segs) {
    auto it = sentences.find(s.id);
    if (it == sentences.end())
      throw DataError("segment '" + s.id + "' is not a sentence of this document (unknown id)", s.line, 0);
    if (auto [pos, inserted] = seen.emplace(s.id, s.line); !inserted)
      throw DataError("segment '" + s.id + "' appears twice (first on line " + std::to_string(pos->second) + ")", s.line, 0);
    if (xp::squash_space(s.source) != xp::squash_space(it->second.s->text))
      throw DataError("the source of segment '" + s.id + "' is not the text of sentence " + s.id +
                          " (an XLIFF of another document, or of another version of this one?)",
                      s.line, 0);
    std::string target = xp::squash_space(s.target);
    static const char* done_states[] = {"translated", "reviewed", "final", "signed-off"};
    bool done = std::find(std::begin(done_states), std::end(done_states), s.state) != std::end(done_states);
    if (!s.has_target || target.empty() || (target == xp::squash_space(s.source) && !done)) {
      report.untranslated.push_back(s.id);
      continue;
    }
    translated[s.id] = target;
  }
  std::vector<std::string> missing;
  for (auto& [id, w2] : sentences)
    if (!seen.count(id)) missing.push_back(id);
  if (!missing.empty()) {
    std::sort(missing.begin(), missing.end(), [&](const std::string& a, const std::string& b) {
      return sentences[a].order < sentences[b].order;
    });
    std::string list;
    for (std::size_t i = 0; i < missing.size() && i < 5; ++i) list += (i ? ", " : "") + missing[i];
    if (missing.size() > 5) list += ", …";
    throw DataError("the XLIFF has no segment for " + std::to_string(missing.size()) + " sentence(s) of the document: " + list);
  }
  std::sort(report.untranslated.begin(), report.untranslated.end(), [&](const std::string& a, const std::string& b) {
    return sentences[a].order < sentences[b].order;
  });
  report.translated = translated.size();

  // The parallel division: a <p corresp> per block, an <s corresp> per translated sentence.
  Division div;
  div.type = "translation";
  div.attrs.set("xml:lang", lang);
  Turn turn;
  bool spaced = !(lang.rfind("ja", 0) == 0 || lang.rfind("zh", 0) == 0);
  for (const Leaf* leaf : leaves) {
    Block b;
    b.kind = BlockKind::paragraph;
    Leaf out;
    out.element = "p";
    if (!leaf->id.empty()) {
      out.id = leaf->id + "." + lang;
      out.attrs.set("corresp", "#" + leaf->id);
    }
    out.lead = "\n";
    for (auto& p : leaf->pieces) {
      if (p.kind != Piece::Kind::sentence) continue;
      auto it = translated.find(p.sentence.id);
      if (it == translated.end()) continue;
      if (!out.pieces.empty() && spaced) out.pieces.push_back({Piece::Kind::text, {}, " "});
      Piece sp;
      sp.kind = Piece::Kind::sentence;
      sp.sentence.id = p.sentence.id + "." + lang;
      sp.sentence.text = xml::writable(it->second);
      sp.sentence.attrs.set("corresp", "#" + p.sentence.id);
      out.pieces.push_back(std::move(sp));
    }
    if (out.pieces.empty()) continue;
    b.leaves.push_back(std::move(out));
    turn.blocks.push_back(std::move(b));
  }
  if (!turn.blocks.empty()) div.turns.push_back(std::move(turn));

  // Apply (nothing above changed the document).
  auto same_lang = [&](const Division& d) { return d.is_translation() && d.attrs.value("xml:lang") == lang; };
  auto existing = std::find_if(doc.divisions.begin(), doc.divisions.end(), same_lang);
  if (!options.translator.empty()) {
    std::string id = mergeutil::declare_resp(doc, "translation", options.translator, "translator");
    div.attrs.set("resp", "#" + id);
  } else if (existing != doc.divisions.end() && existing->attrs.get("resp")) {
    div.attrs.set("resp", existing->attrs.value("resp"));
  }
  existing = std::find_if(doc.divisions.begin(), doc.divisions.end(), same_lang);
  if (div.turns.empty()) {
    if (existing != doc.divisions.end()) doc.divisions.erase(existing);
  } else if (existing != doc.divisions.end()) {
    *existing = std::move(div);
  } else {
    doc.divisions.push_back(std::move(div));
  }
  doc.add_application("jatei-merge", kVersion);
  return report;
}

}  // namespace jatei
