// Lines of program code, commands and configuration, by their shape (internal to
// lib/src/segment). A code line becomes <ab type="code">: its text without sentences.
//
// What a line says of itself (looks_like_code, on either thread): a shell prompt before a
// command ($ npm install …), a shebang (#!/bin/bash), or a line that is code through and
// through: no Japanese outside its string literals and its trailing comment, and the marks of
// code (an assignment, a call, a pipe or redirection, an option flag, a statement's end, an
// indentation, or a first word of the [code-word] list: import, sudo, docker …). What the
// document says across lines (fences ``` … ```) is marked by the builder.
#pragma once

#include <algorithm>
#include <string_view>
#include <vector>

#include "jatei/rules.hpp"
#include "segment/lines.hpp"

namespace jatei::seg {

// ``` or ~~~ (a Markdown fence, with its language after it, or closing one).
inline bool is_code_fence(std::string_view content) {
  return content.starts_with("```") || content.starts_with("~~~");
}

namespace code_detail {

inline bool ident_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '.' ||
         c == ']' || c == ')';
}
inline bool letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Inside a string literal opened by `quote` (0: none): steps over an escaped character and
// closes the literal at its quote. True when character i was inside one.
inline bool inside_literal(std::string_view s, std::size_t& i, char& quote) {
  if (!quote) return false;
  if (s[i] == '\\') ++i;
  else if (s[i] == quote) quote = 0;
  return true;
}

// The part of s before a trailing comment ( # …, // …, the whole line a comment only after code).
inline std::string_view before_comment(std::string_view s) {
  char quote = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (inside_literal(s, i, quote)) continue;
    char c = s[i];
    if (c == '"' || c == '\'' || c == '`') quote = c;
    else if (i > 0 && (s[i - 1] == ' ' || s[i - 1] == '\t') && (c == '#' || (c == '/' && i + 1 < s.size() && s[i + 1] == '/')))
      return s.substr(0, i);
  }
  return s;
}

// Whether s, outside its string literals, is ASCII (no Japanese, no full-width space), and its
// literals are closed.
inline bool ascii_outside_literals(std::string_view s) {
  char quote = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (inside_literal(s, i, quote)) continue;
    char c = s[i];
    if (static_cast<unsigned char>(c) >= 0x80) return false;
    if (c == '"' || c == '`') quote = c;
    // An apostrophe opens a literal only where code puts one (after = ( , [ or a space).
    else if (c == '\'' && (i == 0 || std::string_view("=(,[ :").find(s[i - 1]) != std::string_view::npos)) quote = c;
  }
  return quote == 0;
}

// The marks of code in an ASCII line.
inline bool has_code_marks(std::string_view s) {
  std::size_t n = s.size();
  for (std::size_t i = 0; i < n; ++i) {
    char c = s[i];
    // At the start of the line nothing is before a mark (>>2 is an anchor, not a redirection).
    char prev = i ? s[i - 1] : '\0', next = i + 1 < n ? s[i + 1] : ' ';
    switch (c) {
      case '=':
        // x = 1, TS=$(…), a == b; not => alone at the start, not ===== rules.
        if (i > 0 && (ident_char(prev) || prev == ' ') && next != '=' && prev != '=') {
          std::size_t k = i;
          while (k > 0 && s[k - 1] == ' ') --k;
          if (k > 0 && (ident_char(s[k - 1]) || s[k - 1] == '+' || s[k - 1] == '-' || s[k - 1] == '!' ||
                        s[k - 1] == '<' || s[k - 1] == '>' || s[k - 1] == ':'))
            return true;
        }
        break;
      case '(':
        // a call: name( … ), not a word before a bracket of prose (Rust (2021)).
        if (i > 0 && (letter(prev) || prev == '_' || prev == '$') &&
            s.find(')', i) != std::string_view::npos)
          return true;
        break;
      case '|':
        if (i > 0 && prev == ' ' && (next == ' ' || next == '|')) return true;  // a pipe
        break;
      case '>':
        if (prev == ' ' && (next == ' ' || next == '>' || next == '/')) return true;  // a redirection
        if (prev == '2' && next == '&') return true;                                 // 2>&1
        break;
      case '&':
        if (next == '&' && prev == ' ') return true;
        break;
      case '-':
        // an option flag: " -x", " --name"
        if (prev == ' ' && (letter(next) || (next == '-' && i + 2 < n && letter(s[i + 2])))) return true;
        break;
      case '$':
        if (next == '(' || next == '{' || letter(next)) return true;  // $(…), ${VAR}, $HOME
        break;
      case '{':
      case '}':
      case ';':
        if (i + 1 == n) return true;  // the end of a statement or a block
        break;
      default: break;
    }
  }
  return false;
}

}  // namespace code_detail

// Whether a line (raw: as in the source; content: trimmed) is a line of code by its own shape.
// `words`: the [code-word] entries (first words of commands and statements).
inline bool looks_like_code(std::string_view raw, std::string_view content, const std::vector<RuleEntry>& words) {
  using namespace code_detail;
  if (content.size() < 2) return false;
  // A shell prompt before a command: $ sudo apt install …, % make, PS> dir.
  if ((content.starts_with("$ ") || content.starts_with("% ")) && content.size() > 2 && letter(content[2])) return true;
  if (content.starts_with("#!/")) return true;  // a shebang
  std::string_view code = trim(before_comment(content));
  if (code.empty() || !ascii_outside_literals(code)) return false;
  // A directive's fence (:::message, :::details, :::): markup around text, as ``` is.
  if (code.starts_with(":::")) return true;
  // Words ending with a full stop are prose or a reference (Smith J. Title. J Med. 2013;3(2):4-9.).
  if (code.back() == '.' && std::count(code.begin(), code.end(), ' ') >= 2) return false;
  // A URL, an address or a handle alone is no code; nor a date or a time.
  if (code.find(' ') == std::string_view::npos && (code.starts_with("http") || code.starts_with("www.") || code.starts_with("@")))
    return false;
  // The first word of a command or a statement (import, sudo, docker, def, …), before more.
  std::size_t sp = code.find(' ');
  if (sp != std::string_view::npos) {
    std::string_view first = code.substr(0, sp);
    for (const RuleEntry& w : words)
      if (first == w.pattern) return true;
  }
  // Indented by ASCII spaces or a tab (Markdown's indented code), with something of code in it.
  bool indented = raw.starts_with("    ") || raw.starts_with("\t");
  if (indented && code.find_first_of("=();{}[]<>:.") != std::string_view::npos) return true;
  // YAML or INI: key: value, key = value at the start (lower-case key, no space in it).
  std::size_t k = 0;
  while (k < code.size() && ((code[k] >= 'a' && code[k] <= 'z') || code[k] == '_' || code[k] == '-' ||
                             (k > 0 && code[k] >= '0' && code[k] <= '9')))
    ++k;
  if (k > 0 && k + 1 < code.size() && code[k] == ':' && code[k + 1] == ' ') return true;
  return has_code_marks(code);
}

}  // namespace jatei::seg
