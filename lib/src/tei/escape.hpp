// The one XML escaper of the project: every writer of XML or HTML text (the TEI writer, the
// XLIFF, TBX and HTML exporters) escapes through it.
//
//   std::string out;
//   jatei::xml::escape(out, "a < b", jatei::xml::Context::text);        // a &lt; b
//   jatei::xml::escape(out, "say \"hi\"", jatei::xml::Context::attribute);
//
// What a character becomes depends on where it is written (Context). A control character XML
// 1.0 cannot carry (C0 but tab, LF and CR) is a bug upstream: readers and decoding refuse them,
// and text from elsewhere goes through writable() first; escape() throws std::logic_error
// rather than write ill-formed XML.
#pragma once

#include <string>
#include <string_view>

namespace jatei::xml {

enum class Context {
  text,       // element content: & < > escaped; CR as &#13; (a parser would turn it into LF)
  attribute,  // a value in double quotes: & < > " escaped; tab, LF, CR as references
  html,       // HTML text or a value in either quotes: & < > " ' escaped
};

// Appends s to out, escaped for `context`.
void escape(std::string& out, std::string_view s, Context context);

// The same, as a new string.
std::string escaped(std::string_view s, Context context = Context::text);

// s with every character XML 1.0 cannot carry (C0 controls but tab, LF, CR) replaced by U+FFFD:
// for text that comes from outside a document (a checker's note, a translation, a name).
std::string writable(std::string_view s);

// pugixml prints a CR in element text as it is, and a parser reads it back as LF: `printed` (a
// pugixml serialisation) with each raw CR written as &#13; instead, so that it comes back as CR.
// Parsed XML holds no raw CR (line ends are normalised when read): every CR in a tree is text
// that must keep it (a checker's name from a CSV cell, a &#13; in the source).
std::string keep_cr(std::string printed);

}  // namespace jatei::xml
