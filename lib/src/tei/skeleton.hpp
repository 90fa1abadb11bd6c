// The stream reader's skeleton scan (StreamReader in tei.cpp): where the tags of a TEI document
// are in its bytes, found without parsing it, and the table of the xml:ids seen. Whatever the
// scan does not expect throws Fallback, and the whole input goes to the reader that parses one
// tree (DEVELOPING.md, "Reading TEI").
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace jatei::tei::skeleton {

// Thrown where the stream reader hands the whole input to the tree reader.
struct Fallback {};

// The xml:ids seen so far, each held as 8 bytes (where its value is in the input, or in a side
// buffer when it differs from the raw bytes there), in an open-addressing table.
class IdSet {
 public:
  explicit IdSet(std::string_view xml) : xml_(xml) {}
  // False when `id` was there already. `raw` is where its value starts in the input, npos if unknown.
  bool insert(std::string_view id, std::size_t raw) {
    if (id.size() >= (std::size_t(1) << 23)) throw Fallback{};
    if ((count_ + 1) * 10 > slots_.size() * 7) grow();
    std::size_t h = std::hash<std::string_view>{}(id), mask = slots_.size() - 1;
    for (std::size_t i = h & mask;; i = (i + 1) & mask) {
      if (!slots_[i]) {
        std::uint64_t ref;
        if (raw != std::string_view::npos && raw + id.size() <= xml_.size() && xml_.compare(raw, id.size(), id) == 0) {
          ref = std::uint64_t(raw) << 1;
        } else {
          ref = (std::uint64_t(side_.size()) << 1) | 1;
          side_ += id;
        }
        slots_[i] = (ref << 23 | id.size()) + 1;
        ++count_;
        return true;
      }
      if (view(slots_[i]) == id) return false;
    }
  }

 private:
  std::string_view view(std::uint64_t slot) const {
    --slot;
    std::size_t len = slot & ((std::uint64_t(1) << 23) - 1);
    std::uint64_t ref = slot >> 23;
    return (ref & 1 ? std::string_view(side_) : xml_).substr(ref >> 1, len);
  }
  void grow() {
    std::vector<std::uint64_t> old(std::max<std::size_t>(1024, slots_.size() * 2), 0);
    old.swap(slots_);
    std::size_t mask = slots_.size() - 1;
    for (std::uint64_t s : old) {
      if (!s) continue;
      std::size_t i = std::hash<std::string_view>{}(view(s)) & mask;
      while (slots_[i]) i = (i + 1) & mask;
      slots_[i] = s;
    }
  }
  std::string_view xml_;
  std::string side_;
  std::vector<std::uint64_t> slots_;
  std::size_t count_ = 0;
};

// A node of the skeleton scan: what starts at a '<', and where it ends (just past it).
struct Tag {
  enum Kind { start, empty, close, other } kind = other;  // other: comment, PI, CDATA, DOCTYPE
  std::size_t end = 0;
  std::string_view name;
};

class Skeleton {
 public:
  explicit Skeleton(std::string_view xml) : xml_(xml) {}

  static bool is_space(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }
  // A byte of an XML name as the parser takes it: letters, '_', ':' and any non-ASCII byte, and
  // after the first also digits, '-' and '.'.
  static bool is_name_char(char c, bool first) {
    auto u = static_cast<unsigned char>(c);
    if ((u | 0x20) >= 'a' && (u | 0x20) <= 'z') return true;
    if (u == '_' || u == ':' || u >= 0x80) return true;
    return !first && ((u >= '0' && u <= '9') || u == '-' || u == '.');
  }

  // The node whose tag starts at p (a '<'), and where it ends.
  Tag tag_at(std::size_t p) const {
    std::string_view x = xml_;
    auto until = [&](std::size_t from, std::string_view close) {
      std::size_t e = x.find(close, from);
      if (e == std::string_view::npos) throw Fallback{};
      return Tag{Tag::other, e + close.size(), {}};
    };
    char second = p + 1 < x.size() ? x[p + 1] : '\0';
    if (second == '!' || second == '?') {
      std::string_view rest = x.substr(p);
      if (rest.starts_with("<!--")) return until(p + 4, "-->");
      if (rest.starts_with("<![CDATA[")) return until(p + 9, "]]>");
      if (second == '?') {
        // The target is a name followed by white space or "?>"; anything else is left to the
        // full parser, which refuses it where read_tree does (the fuzzer's <?x[l …?>).
        std::size_t n = p + 2, ne = n;
        while (ne < x.size() && is_name_char(x[ne], ne == n)) ++ne;
        if (ne == n || ne == x.size() || !(is_space(x[ne]) || x.substr(ne).starts_with("?>"))) throw Fallback{};
        return until(ne, "?>");
      }
      throw Fallback{};  // a DOCTYPE inside the prologue only (handled there)
    }
    bool closing = second == '/';
    std::size_t n = p + 1 + closing;
    // (Plain loops: find_first_of looks each byte up in the set with memchr.)
    std::size_t ne = n;
    while (ne < x.size() && !is_space(x[ne]) && x[ne] != '/' && x[ne] != '>') ++ne;
    if (ne == x.size() || ne == n) throw Fallback{};
    Tag t;
    t.name = x.substr(n, ne - n);
    if (closing) {
      std::size_t e = x.find('>', ne);
      if (e == std::string_view::npos) throw Fallback{};
      t.kind = Tag::close;
      t.end = e + 1;
      return t;
    }
    std::size_t i = ne;
    for (;;) {
      while (i < x.size() && x[i] != '>' && x[i] != '"' && x[i] != '\'') ++i;
      if (i == x.size()) throw Fallback{};
      if (x[i] == '>') break;
      std::size_t q = x.find(x[i], i + 1);
      if (q == std::string_view::npos) throw Fallback{};
      i = q + 1;
    }
    t.kind = x[i - 1] == '/' ? Tag::empty : Tag::start;
    t.end = i + 1;
    return t;
  }

  // The end of the element whose start tag is `t` (at p), by counting start and end tags.
  std::size_t element_end(const Tag& t) const {
    if (t.kind == Tag::empty) return t.end;
    std::size_t depth = 1, i = t.end;
    for (;;) {
      std::size_t lt = xml_.find('<', i);
      if (lt == std::string_view::npos) throw Fallback{};
      Tag c = tag_at(lt);
      if (c.kind == Tag::start) ++depth;
      else if (c.kind == Tag::close && --depth == 0) return c.end;
      i = c.end;
    }
  }

  // The children of an element whose content starts at `i` and whose end tag is </name>: for each
  // (an element, a comment, a PI, CDATA), `child(lt, t)` with where its tag starts and the tag,
  // which returns where the scan goes on; before each and before the end tag, `gap(from, lt)` with
  // the text there. Returns where the end tag starts and where it ends. Another end tag, or none:
  // Fallback.
  template <typename Child, typename Gap>
  std::pair<std::size_t, std::size_t> children(std::size_t i, std::string_view name, Child&& child, Gap&& gap) {
    for (;;) {
      std::size_t lt = xml_.find('<', i);
      if (lt == std::string_view::npos) throw Fallback{};
      gap(i, lt);
      Tag t = tag_at(lt);
      if (t.kind == Tag::close) {
        if (t.name != name) throw Fallback{};
        return {lt, t.end};
      }
      i = child(lt, t);
    }
  }
  template <typename Child>
  std::pair<std::size_t, std::size_t> children(std::size_t i, std::string_view name, Child&& child) {
    return children(i, name, std::forward<Child>(child), [](std::size_t, std::size_t) {});
  }
  bool cdata_at(std::size_t lt) const { return xml_.substr(lt).starts_with("<![CDATA["); }
  // Where the node whose tag `t` starts at lt ends.
  std::size_t node_end(const Tag& t) const { return t.kind == Tag::other ? t.end : element_end(t); }

  // The root's start tag and where it starts, after the prologue from `i`: white space, the
  // declaration, comments, processing instructions, a DOCTYPE.
  std::pair<Tag, std::size_t> root(std::size_t i) const {
    std::string_view x = xml_;
    for (;;) {
      while (i < x.size() && is_space(x[i])) ++i;
      if (i >= x.size() || x[i] != '<') throw Fallback{};
      if (x.substr(i).starts_with("<!DOCTYPE")) {
        std::size_t e = x.find_first_of("[>", i);
        if (e != std::string_view::npos && x[e] == '[') e = x.find("]", e);
        if (e != std::string_view::npos) e = x.find('>', e);
        if (e == std::string_view::npos) throw Fallback{};
        i = e + 1;
        continue;
      }
      Tag t = tag_at(i);
      if (t.kind == Tag::other) {
        i = t.end;
        continue;
      }
      if (t.kind != Tag::start) throw Fallback{};
      return {t, i};
    }
  }

  // What follows the root's end at `i`: white space, comments and processing instructions only.
  void after_root(std::size_t i) const {
    std::string_view x = xml_;
    for (;;) {
      while (i < x.size() && is_space(x[i])) ++i;
      if (i >= x.size()) break;
      if (x[i] != '<') throw Fallback{};
      Tag t = tag_at(i);
      if (t.kind != Tag::other || x.substr(i).starts_with("<![CDATA[")) throw Fallback{};
      i = t.end;
    }
  }

 private:
  std::string_view xml_;
};

}  // namespace jatei::tei::skeleton
