// The TEI reader and writer: the only code that touches XML.
//
//   jatei::Document doc = jatei::tei::read(xml_text, "in.tei.xml");   // DataError on bad input
//   std::string out = jatei::tei::write(doc);
//
// The body is written without indentation: the text between block elements is the source's
// own line breaks, so jatei-text can give the source back exactly. Elements and attributes
// the model does not know are kept (as spans, attributes or opaque XML) and written back.
#pragma once

#include <string>
#include <string_view>

#include "jatei/document.hpp"

namespace jatei::tei {

inline constexpr const char* kNamespace = "http://www.tei-c.org/ns/1.0";

// Parses a TEI document of the jatei profile. Throws DataError (with line and column) for
// malformed XML, DTDs with entity declarations, a root that is not TEI, or a body that does
// not follow the profile.
Document read(std::string_view xml, const std::string& origin = "-");

// Serialises a document. Deterministic: the same document gives the same bytes.
std::string write(const Document& doc);

}  // namespace jatei::tei
