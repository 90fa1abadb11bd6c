// Internal to the mergers: ids in use, and people declared in the header.
#pragma once

#include <functional>
#include <set>
#include <string_view>
#include <utility>
#include <vector>
#include <string>

#include "jatei/document.hpp"

namespace jatei::mergeutil {

// Every xml:id in the document: body, header (as stored), stand-off.
std::set<std::string> all_ids(const Document& doc);

// The same a part at a time, each id (never an empty one) handed to `add`, for a reader that
// never holds the document (the streamed XLIFF merge): a block (its container, leaves,
// sentences, their spans, the ids inside opaque XML), a turn (its <sp> and blocks), the header
// (participants, taxonomies and categories, respStmts, the header as stored), serialized XML.
using IdSink = std::function<void(const std::string&)>;
void ids_of(const Block& b, const IdSink& add);
void ids_of(const Turn& t, const IdSink& add);
void ids_of(const Header& h, const IdSink& add);
void ids_in_xml(const std::string& xml, const IdSink& add);

// The xml:id of <respStmt><resp>{resp}</resp><persName>{name}</persName></respStmt> in the
// titleStmt, declaring it (as {prefix}1, {prefix}2, … the first id not in use) when it is not
// there yet (Header::responsibilities; the TEI writer puts it in the header).
std::string declare_resp(Document& doc, const std::string& resp, const std::string& name, const std::string& prefix);
// The same on a header alone, `used` saying whether an id is taken anywhere in the document.
std::string declare_resp(Header& header, const std::string& resp, const std::string& name, const std::string& prefix,
                         const std::function<bool(const std::string&)>& used);

// 1-based line and column of a byte offset.
std::pair<std::size_t, std::size_t> line_col(std::string_view text, std::size_t offset);

// The same for many offsets into one text: the line starts are found once (one pass), then
// each lookup is a binary search, so looking up every segment of a file stays linear in it.
class LineIndex {
 public:
  explicit LineIndex(std::string_view text);
  std::pair<std::size_t, std::size_t> line_col(std::size_t offset) const;

 private:
  std::size_t size_;
  std::vector<std::size_t> starts_;  // byte offset of each line's first byte
};

}  // namespace jatei::mergeutil
