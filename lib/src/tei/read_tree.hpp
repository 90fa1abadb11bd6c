// The TEI reader that parses the whole document into one pugixml tree: what tei::read and
// tei::read_blocks fall back to for a document the block-at-a-time reader does not take, and
// whose answer (document or error) they must give. For tests that compare the two.
#pragma once

#include <string>
#include <string_view>

#include "jatei/document.hpp"

namespace jatei::tei {

Document read_tree(std::string_view xml, const std::string& origin = "-");

// The size of the pieces the block-at-a-time reader parses (64 KB): smaller in tests, so that a
// division is parsed in many pieces.
void set_fragment_bytes(std::size_t bytes);

}  // namespace jatei::tei
