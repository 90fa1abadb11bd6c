#include "core/data_files.hpp"
#include "jatei/rules.hpp"

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "jatei/error.hpp"
#include "jatei/utf8.hpp"

namespace jatei {

// Generated at build time from lib/data/segment.rules (see lib/CMakeLists.txt).
extern const char kBuiltinRules[];
extern const std::size_t kBuiltinRulesSize;

namespace {

std::string hex_byte(unsigned char b) {
  const char* d = "0123456789ABCDEF";
  return {d[b >> 4], d[b & 15]};
}

}  // namespace

Rules Rules::parse(std::string_view text, const std::string& origin) {
  Rules r;
  r.origin_ = origin;
  std::string current;
  data::for_each_line(text, [&](std::string_view line, std::size_t line_no) {
    // Patterns match character by character: a byte that starts no character could match
    // inside one, so a rules file must be UTF-8 throughout.
    for (std::size_t i = 0; i < line.size();) {
      std::size_t n = utf8::valid_prefix(line.substr(i));
      if (n == 0)
        throw DataError(origin + ": invalid UTF-8 (byte 0x" + hex_byte(static_cast<unsigned char>(line[i])) +
                            "); a rules file is UTF-8",
                        line_no, i + 1);
      i += n;
    }
    line = data::trim_start(data::trim_end(line), " \t");
    if (line.empty() || line[0] == '#') return;
    if (line.front() == '[') {  // entries that start with '[' are written \[
      if (line.back() != ']' || line.size() < 3)
        throw DataError(origin + ": malformed section header '" + std::string(line) + "'", line_no, 1);
      current = std::string(line.substr(1, line.size() - 2));
      r.sections_[current];
      r.header_lines_.emplace(current, line_no);
    } else {
      if (current.empty())
        throw DataError(origin + ": entry before any [section]: '" + std::string(line) + "'", line_no, 1);
      RuleEntry e;
      bool remove = false;
      if (line.front() == '-' && line.size() > 1) {
        remove = true;
        line.remove_prefix(1);
      }
      if (line.front() == '?' && line.size() > 1) {
        e.weak = true;
        line.remove_prefix(1);
      }
      if (line.size() >= 2 && line.front() == '\\') line.remove_prefix(1);  // \# \- \? literal starts
      e.pattern = std::string(line);
      auto& sec = r.sections_[current];
      if (remove) {
        std::erase_if(sec, [&](const RuleEntry& x) { return x.pattern == e.pattern; });
        r.removals_.push_back({current, e.pattern});
      } else {
        sec.push_back(std::move(e));
      }
    }
  });
  return r;
}

void Rules::merge(const Rules& other) {
  // Not a structured binding: C++20 lets a lambda capture one, Clang 14 does not yet.
  for (const auto& removal : other.removals_)
    std::erase_if(sections_[removal.first], [&](const RuleEntry& x) { return x.pattern == removal.second; });
  for (auto& [name, entries] : other.sections_) {
    auto& mine = sections_[name];
    mine.insert(mine.end(), entries.begin(), entries.end());
  }
}

void Rules::merge_file(const std::string& path) {
  Rules extra = parse(data::read_file(path, "rules file"), path);
  extra.check_sections(*this);
  merge(extra);
}

void Rules::check_sections(const Rules& known) const {
  for (auto& [name, line] : header_lines_) {
    if (known.sections_.count(name)) continue;
    std::string list;
    for (auto& [k, entries] : known.sections_) list += (list.empty() ? "" : ", ") + k;
    throw DataError(origin_ + ": unknown section [" + name + "] (the sections are: " + list + ")", line, 1);
  }
}

void Rules::declare_sections(const Rules& shape) {
  for (auto& [name, entries] : shape.sections_) sections_[name];
}

Rules Rules::select(const Rules& shape) const {
  Rules r;
  r.origin_ = origin_;
  for (auto& [name, entries] : sections_)
    if (shape.sections_.count(name)) r.sections_[name] = entries;
  for (auto& [name, line] : header_lines_)
    if (shape.sections_.count(name)) r.header_lines_.emplace(name, line);
  for (auto& removal : removals_)
    if (shape.sections_.count(removal.first)) r.removals_.push_back(removal);
  return r;
}

Rules Rules::compiled_or_override(std::string_view rel, std::string_view compiled_text) {
  Rules compiled = parse(compiled_text, std::string(rel));
  auto path = data::override_file(rel);
  if (!path) return compiled;
  return data::parse_located(*path, "rules file", [&](const std::string& text) {
    Rules r = parse(text, *path);
    r.check_sections(compiled);
    r.declare_sections(compiled);
    return r;
  });
}

const Rules& Rules::builtin() {
  static const Rules rules = [] {
    return compiled_or_override("segment.rules", std::string_view(kBuiltinRules, kBuiltinRulesSize));
  }();
  return rules;
}

const std::vector<RuleEntry>& Rules::section(std::string_view name) const {
  static const std::vector<RuleEntry> empty;
  auto it = sections_.find(name);
  return it == sections_.end() ? empty : it->second;
}

bool Rules::matches_whole(std::string_view sec, std::string_view text, bool* weak) const {
  for (auto& e : section(sec)) {
    if (glob_match(e.pattern, text)) {
      if (weak) *weak = e.weak;
      return true;
    }
  }
  return false;
}

std::size_t Rules::matches_prefix(std::string_view sec, std::string_view text, bool* weak) const {
  std::size_t best = 0;
  for (auto& e : section(sec)) {
    std::size_t n = glob_prefix(e.pattern, text);
    if (n != std::string_view::npos && n > best) {
      best = n;
      if (weak) *weak = e.weak;
    }
  }
  return best;
}

bool Rules::contains(std::string_view sec, std::string_view text) const {
  for (auto& e : section(sec))
    if (text.find(e.pattern) != std::string_view::npos) return true;
  return false;
}

}  // namespace jatei
