#include "merge/util.hpp"

#include <pugixml.hpp>

#include <algorithm>
#include <sstream>

#include "export/view.hpp"
#include "tei/escape.hpp"
#include "jatei/tei.hpp"

namespace jatei::mergeutil {
namespace {

void ids_in_xml(const std::string& xml, std::set<std::string>& out) {
  if (xml.empty()) return;
  pugi::xml_document d;
  if (!d.load_buffer(xml.data(), xml.size(), pugi::parse_default, pugi::encoding_utf8)) return;
  struct W : pugi::xml_tree_walker {
    std::set<std::string>* out;
    bool for_each(pugi::xml_node& n) override {
      if (auto a = n.attribute("xml:id")) out->insert(a.value());
      return true;
    }
  } w;
  w.out = &out;
  d.traverse(w);
}

}  // namespace

std::set<std::string> all_ids(const Document& doc) {
  std::set<std::string> ids;
  auto add = [&](const std::string& id) {
    if (!id.empty()) ids.insert(id);
  };
  for (auto& d : doc.divisions) {
    add(d.id);
    for (auto& t : d.turns) {
      add(t.id);
      for (auto& b : t.blocks) {
        add(b.id);
        if (b.kind == BlockKind::opaque) ids_in_xml(b.xml, ids);
        for (auto& l : b.leaves) {
          add(l.id);
          for (auto& p : l.pieces) {
            if (p.kind == Piece::Kind::opaque) ids_in_xml(p.text, ids);
            if (p.kind != Piece::Kind::sentence) continue;
            add(p.sentence.id);
            for (auto& sp : p.sentence.spans) add(sp.attrs.value("xml:id"));
          }
        }
      }
    }
  }
  for (auto& p : doc.header.persons) add(p.id);
  for (auto& t : doc.header.taxonomies) {
    add(t.id);
    for (auto& c : t.categories) add(c.id);
  }
  for (auto& r : doc.header.responsibilities) add(r.id);
  ids_in_xml(doc.header.raw_header, ids);
  ids_in_xml(doc.standoff.raw, ids);
  return ids;
}

std::string declare_resp(Document& doc, const std::string& resp, const std::string& name, const std::string& prefix) {
  // Compared as read back: whitespace in a name (a tab from a CSV cell) is squashed in both.
  const std::string wanted = xp::squash_space(name);
  for (auto& r : doc.header.responsibilities) {
    if (xp::squash_space(r.resp) != resp) continue;
    for (auto& n : r.names)
      if (xp::squash_space(n) == wanted) return r.id;
  }
  std::set<std::string> used = all_ids(doc);
  std::string id;
  for (int k = 1;; ++k) {
    id = prefix + std::to_string(k);
    if (!used.count(id)) break;
  }
  // The name as the document will hold it (and give it back when read): characters XML cannot
  // carry replaced.
  doc.header.responsibilities.push_back({id, resp, {xml::writable(name)}});
  return id;
}

std::pair<std::size_t, std::size_t> line_col(std::string_view text, std::size_t offset) {
  std::size_t line = 1, col = 1;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      col = 1;
    } else {
      ++col;
    }
  }
  return {line, col};
}

LineIndex::LineIndex(std::string_view text) : size_(text.size()), starts_{0} {
  for (std::size_t i = text.find('\n'); i != std::string_view::npos; i = text.find('\n', i + 1))
    starts_.push_back(i + 1);
}

std::pair<std::size_t, std::size_t> LineIndex::line_col(std::size_t offset) const {
  offset = std::min(offset, size_);
  // the last line start at or before offset (a newline at offset itself ends that line)
  auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
  std::size_t line = static_cast<std::size_t>(it - starts_.begin());
  return {line, offset - starts_[line - 1] + 1};
}

}  // namespace jatei::mergeutil
