#include "merge/util.hpp"

#include <pugixml.hpp>

#include <algorithm>
#include <optional>
#include <sstream>

#include "export/view.hpp"
#include "tei/escape.hpp"
#include "jatei/tei.hpp"

namespace jatei::mergeutil {

void ids_in_xml(const std::string& xml, const IdSink& add) {
  if (xml.empty()) return;
  pugi::xml_document d;
  if (!d.load_buffer(xml.data(), xml.size(), pugi::parse_default, pugi::encoding_utf8)) return;
  struct W : pugi::xml_tree_walker {
    const IdSink* add;
    bool for_each(pugi::xml_node& n) override {
      if (auto a = n.attribute("xml:id")) (*add)(a.value());
      return true;
    }
  } w;
  w.add = &add;
  d.traverse(w);
}

void ids_of(const Block& b, const IdSink& add) {
  auto one = [&](const std::string& id) {
    if (!id.empty()) add(id);
  };
  one(b.id);
  if (b.kind == BlockKind::opaque) ids_in_xml(b.xml, one);
  for (auto& l : b.leaves) {
    one(l.id);
    for (auto& p : l.pieces) {
      if (p.kind == Piece::Kind::opaque) ids_in_xml(p.text, one);
      if (p.kind != Piece::Kind::sentence) continue;
      one(p.sentence.id);
      for (auto& sp : p.sentence.spans) one(sp.attrs.value("xml:id"));
    }
  }
}

void ids_of(const Turn& t, const IdSink& add) {
  if (!t.id.empty()) add(t.id);
  for (auto& b : t.blocks) ids_of(b, add);
}

void ids_of(const Header& h, const IdSink& add) {
  auto one = [&](const std::string& id) {
    if (!id.empty()) add(id);
  };
  for (auto& p : h.persons) one(p.id);
  for (auto& t : h.taxonomies) {
    one(t.id);
    for (auto& c : t.categories) one(c.id);
  }
  for (auto& r : h.responsibilities) one(r.id);
  ids_in_xml(h.raw_header, one);
}

std::set<std::string> all_ids(const Document& doc) {
  std::set<std::string> ids;
  auto add = [&](const std::string& id) {
    if (!id.empty()) ids.insert(id);
  };
  for (auto& d : doc.divisions) {
    add(d.id);
    for (auto& t : d.turns) ids_of(t, add);
  }
  ids_of(doc.header, add);
  ids_in_xml(doc.standoff.raw, add);
  return ids;
}

std::string declare_resp(Document& doc, const std::string& resp, const std::string& name, const std::string& prefix) {
  std::optional<std::set<std::string>> used;  // taken only when a new id is needed
  return declare_resp(doc.header, resp, name, prefix, [&](const std::string& id) {
    if (!used) used = all_ids(doc);
    return used->count(id) > 0;
  });
}

std::string declare_resp(Header& header, const std::string& resp, const std::string& name, const std::string& prefix,
                         const std::function<bool(const std::string&)>& used) {
  // Compared as read back: whitespace in a name (a tab from a CSV cell) is squashed in both.
  const std::string wanted = xp::squash_space(name);
  for (auto& r : header.responsibilities) {
    if (xp::squash_space(r.resp) != resp) continue;
    for (auto& n : r.names)
      if (xp::squash_space(n) == wanted) return r.id;
  }
  std::string id;
  for (int k = 1;; ++k) {
    id = prefix + std::to_string(k);
    if (!used(id)) break;
  }
  // The name as the document will hold it (and give it back when read): characters XML cannot
  // carry replaced.
  header.responsibilities.push_back({id, resp, {xml::writable(name)}});
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
