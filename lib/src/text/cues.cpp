// The cue index (jatei/cues.hpp): the entries by their first bytes, their last bytes and their
// first six bytes (whole, prefix, suffix, find), and the Aho–Corasick automaton (each_at, scan).
#include "jatei/cues.hpp"

#include <algorithm>
#include <bit>
#include <cstring>
#include <stdexcept>

#include "jatei/utf8.hpp"

namespace jatei::text {

namespace {

constexpr std::size_t kSuffixKey = 4;  // "*literal" patterns by the last 4 bytes
constexpr std::size_t kSubKey = 6;     // literal entries by their first 6 bytes: two kana or kanji

std::uint32_t head4(std::string_view s) {  // the first bytes (up to 4), as a number
  std::uint32_t h = 0;
  std::memcpy(&h, s.data(), std::min<std::size_t>(4, s.size()));
  return h;
}
std::uint64_t suffix_key(std::string_view s) {
  std::uint64_t key = 0;
  for (std::size_t i = s.size() - kSuffixKey; i < s.size(); ++i) key = (key << 8) | static_cast<unsigned char>(s[i]);
  return key;
}
std::uint64_t sub_key(const char* s) {  // in registers: a 6-byte copy to memory stalls the reload
  std::uint32_t lo = 0;
  std::uint16_t hi = 0;
  std::memcpy(&lo, s, 4);
  std::memcpy(&hi, s + 4, 2);
  return lo | (std::uint64_t(hi) << 32);
}
std::uint32_t sub_hash(std::uint64_t key) { return static_cast<std::uint32_t>((key * 0x9E3779B97F4A7C15ull) >> 48); }

}  // namespace

// ------------------------------------------------------------------------------------------
// Building
// ------------------------------------------------------------------------------------------

CueIndex::CueIndex() : CueIndex(std::make_shared<const std::vector<RuleEntry>>(), nullptr, CueSyntax::glob) {}

CueIndex::CueIndex(const std::vector<RuleEntry>& entries, CueSyntax syntax) : CueIndex(nullptr, &entries, syntax) {}

CueIndex CueIndex::owning(std::vector<RuleEntry> entries, CueSyntax syntax) {
  return CueIndex(std::make_shared<const std::vector<RuleEntry>>(std::move(entries)), nullptr, syntax);
}

CueIndex::CueIndex(std::shared_ptr<const std::vector<RuleEntry>> owned, const std::vector<RuleEntry>* entries,
                   CueSyntax syntax)
    : owned_(std::move(owned)), entries_(owned_ ? owned_.get() : entries), syntax_(syntax),
      built_(std::make_shared<Built>()) {
  wild_.resize(entries_->size());
  if (syntax_ == CueSyntax::glob)
    for (std::size_t k = 0; k < wild_.size(); ++k)
      wild_[k] = (*entries_)[k].pattern.find_first_of("*#") != std::string::npos;
}

void CueIndex::build_once(bool trie) const {
  if (trie) {
    std::call_once(built_->trie_once, [&] { build_trie(built_->trie); });
    built_->trie_ready.store(true, std::memory_order_release);
  } else {
    std::call_once(built_->lines_once, [&] { build_lines(built_->lines); });
    built_->lines_ready.store(true, std::memory_order_release);
  }
}

void CueIndex::build_lines(Lines& l) const {
  const auto& es = *entries_;
  for (std::uint32_t k = 0; k < es.size(); ++k) {
    std::string_view p = es[k].pattern;
    bool wild = wild_[k];
    if (p.empty() || (wild && p[0] == '*')) {
      l.any.push_back(k);
    } else if (wild && p[0] == '#') {  // a digit: 0-9, or ０-９ (EF BC 90-99)
      for (unsigned char b : {'0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '\xEF'}) l.lead[b].push_back({k, 0, 0});
    } else {
      std::size_t n = std::min({wild ? p.find_first_of("*#") : p.size(), p.size(), std::size_t(4)});
      std::uint32_t bytes = 0;
      for (std::size_t i = 0; i < n; ++i) bytes |= std::uint32_t(static_cast<unsigned char>(p[i])) << (8 * i);
      l.lead[static_cast<unsigned char>(p[0])].push_back({k, static_cast<std::uint32_t>(n), bytes});
    }
    if (wild && p.size() > kSuffixKey && p[0] == '*' && p.find_first_of("*#", 1) == std::string_view::npos)
      l.star_suffix.push_back({suffix_key(p), k, head4(p.substr(1))});
    else if (p.empty() || (wild && p[0] == '*'))
      l.other.push_back(k);
    if (wild) continue;
    if (p.empty()) {
      l.has_empty = true;
      continue;
    }
    l.by_length.push_back(k);
    if (p.size() >= kSubKey && (static_cast<unsigned char>(p[0]) & 0xC0) != 0x80) {
      std::uint64_t key = sub_key(p.data());
      l.sub.emplace_back(key, k);
      l.sub_bits[sub_hash(key) >> 6] |= std::uint64_t(1) << (sub_hash(key) & 63);
    } else {
      l.short_.push_back(k);
    }
  }
  std::sort(l.star_suffix.begin(), l.star_suffix.end(),
            [](const Suffix& a, const Suffix& b) { return a.key < b.key || (a.key == b.key && a.index < b.index); });
  std::sort(l.sub.begin(), l.sub.end());
  std::stable_sort(l.by_length.begin(), l.by_length.end(),
                   [&](std::uint32_t a, std::uint32_t b) { return es[a].pattern.size() > es[b].pattern.size(); });
  // By last byte: a counting sort of the entries taken longest first keeps them so.
  for (std::uint32_t k : l.by_length) ++l.end_begin[static_cast<unsigned char>(es[k].pattern.back()) + 1];
  for (std::size_t b = 0; b < 256; ++b) l.end_begin[b + 1] += l.end_begin[b];
  l.by_end.resize(l.by_length.size());
  std::array<std::uint32_t, 256> fill;
  std::copy(l.end_begin.begin(), l.end_begin.end() - 1, fill.begin());
  for (std::uint32_t k : l.by_length) l.by_end[fill[static_cast<unsigned char>(es[k].pattern.back())]++] = k;
}

void CueIndex::build_trie(detail::CueTrie& t) const {
  using detail::CueTrie;
  const auto& es = *entries_;
  std::vector<std::uint32_t> keys;  // the literal entries, sorted by text, then by place
  for (std::uint32_t k = 0; k < es.size(); ++k)
    if (!wild_[k] && !es[k].pattern.empty()) keys.push_back(k);
  std::sort(keys.begin(), keys.end(), [&](std::uint32_t a, std::uint32_t b) {
    int c = es[a].pattern.compare(es[b].pattern);
    return c < 0 || (c == 0 && a < b);
  });
  // The trie in depth-first order from the sorted keys: the path of the previous key is a stack.
  struct Edge {
    std::uint32_t from, to;
    unsigned char byte;
  };
  std::vector<Edge> edges;
  t.depth.assign(1, 0);
  std::vector<std::uint32_t> ends;  // per key, its state
  std::vector<std::uint32_t> path{0};  // path[d] = state at depth d of the previous key
  std::string_view prev;
  for (std::uint32_t k : keys) {
    std::string_view key = es[k].pattern;
    std::size_t common = 0;
    while (common < prev.size() && common < key.size() && prev[common] == key[common]) ++common;
    path.resize(common + 1);
    for (std::size_t d = common; d < key.size(); ++d) {
      auto s = static_cast<std::uint32_t>(t.depth.size());
      t.depth.push_back(static_cast<std::uint32_t>(d + 1));
      edges.push_back({path.back(), s, static_cast<unsigned char>(key[d])});
      path.push_back(s);
    }
    ends.push_back(path.back());
    prev = key;
  }
  const std::size_t n = t.depth.size();
  if (n >= CueTrie::kNone) throw std::length_error("too many cues for the cue index");
  // The entries ending at each state (the keys' states ascend with them: depth-first order).
  t.out_begin.assign(n + 1, 0);
  for (std::uint32_t s : ends) ++t.out_begin[s + 1];
  for (std::size_t s = 0; s < n; ++s) t.out_begin[s + 1] += t.out_begin[s];
  t.out_entries = keys;
  // Edges grouped by source state (a counting sort; stable, so bytes stay ascending).
  t.edge_begin.assign(n + 1, 0);
  for (auto& e : edges) ++t.edge_begin[e.from + 1];
  for (std::size_t s = 0; s < n; ++s) t.edge_begin[s + 1] += t.edge_begin[s];
  t.edge_byte.assign(edges.size(), 0);
  t.edge_to.assign(edges.size(), 0);
  {
    std::vector<std::uint32_t> fill(t.edge_begin.begin(), t.edge_begin.end() - 1);
    for (auto& e : edges) {
      std::uint32_t at = fill[e.from]++;
      t.edge_byte[at] = e.byte;
      t.edge_to[at] = e.to;
    }
  }
  t.root.fill(CueTrie::kNone);
  for (std::uint32_t k = t.edge_begin[0]; k < t.edge_begin[1]; ++k) t.root[t.edge_byte[k]] = t.edge_to[k];
  // Failure and dictionary-suffix links, breadth first.
  t.fail.assign(n, 0);
  t.dict.assign(n, CueTrie::kNone);
  auto has_out = [&](std::uint32_t s) { return t.out_begin[s] < t.out_begin[s + 1]; };
  std::vector<std::uint32_t> queue;
  queue.reserve(n);
  for (std::uint32_t k = t.edge_begin[0]; k < t.edge_begin[1]; ++k) queue.push_back(t.edge_to[k]);
  for (std::size_t qi = 0; qi < queue.size(); ++qi) {
    std::uint32_t s = queue[qi];
    for (std::uint32_t k = t.edge_begin[s]; k < t.edge_begin[s + 1]; ++k) {
      std::uint32_t c = t.edge_to[k];
      unsigned char b = t.edge_byte[k];
      std::uint32_t f = t.fail[s], target = CueTrie::kNone;
      while (true) {
        target = t.child(f, b);
        if (target != CueTrie::kNone || f == 0) break;
        f = t.fail[f];
      }
      t.fail[c] = (target == CueTrie::kNone || target == c) ? 0 : target;
      std::uint32_t fc = t.fail[c];
      t.dict[c] = has_out(fc) ? fc : t.dict[fc];
      queue.push_back(c);
    }
  }
}

// ------------------------------------------------------------------------------------------
// Asking
// ------------------------------------------------------------------------------------------

bool CueIndex::starts(const Lead& l, std::string_view s) {
  if (s.size() < l.length) return false;
  if (std::endian::native == std::endian::little && s.size() >= 4) {  // four bytes at once, masked to the literal
    std::uint32_t w;
    std::memcpy(&w, s.data(), 4);
    std::uint32_t mask = l.length >= 4 ? 0xFFFFFFFFu : (std::uint32_t(1) << (8 * l.length)) - 1;
    return (w & mask) == l.bytes;
  }
  std::uint32_t bytes = 0;
  for (std::size_t i = 0; i < l.length; ++i) bytes |= std::uint32_t(static_cast<unsigned char>(s[i])) << (8 * i);
  return bytes == l.bytes;
}

std::size_t CueIndex::match_length(std::uint32_t k, std::string_view s) const {
  const std::string& p = (*entries_)[k].pattern;
  if (wild_[k]) return glob_prefix(p, s);
  return s.size() >= p.size() && std::memcmp(s.data(), p.data(), p.size()) == 0 ? p.size() : std::string_view::npos;
}

bool CueIndex::match_whole(std::uint32_t k, std::string_view s) const {
  return wild_[k] ? glob_match((*entries_)[k].pattern, s) : s == (*entries_)[k].pattern;
}

bool CueIndex::whole(std::string_view s) const {
  if (s.empty()) {
    for (std::uint32_t k = 0; k < entries_->size(); ++k)
      if (match_whole(k, s)) return true;
    return false;
  }
  const Lines& l = lines();
  for (const Lead& x : l.lead[static_cast<unsigned char>(s[0])])
    if (starts(x, s) && match_whole(x.index, s)) return true;
  if (s.size() >= kSuffixKey && !l.star_suffix.empty()) {
    auto key = suffix_key(s);
    for (auto it = std::lower_bound(l.star_suffix.begin(), l.star_suffix.end(), key,
                                    [](const Suffix& x, std::uint64_t v) { return x.key < v; });
         it != l.star_suffix.end() && it->key == key; ++it) {
      // "*literal": the text ends with the literal. Many literals end alike (…ています。):
      // their first bytes tell them apart before all are compared.
      std::string_view lit = std::string_view((*entries_)[it->index].pattern).substr(1);
      if (s.size() < lit.size() || head4(s.substr(s.size() - lit.size())) != it->head) continue;
      if (s.substr(s.size() - lit.size()) == lit) return true;
    }
  }
  for (std::uint32_t k : l.other)
    if (match_whole(k, s)) return true;
  return false;
}

std::size_t CueIndex::prefix(std::string_view s, bool* weak) const {
  std::size_t best = 0;
  each_candidate(s, [&](std::uint32_t k) {
    std::size_t n = match_length(k, s);
    if (n != std::string_view::npos && n > best) {
      best = n;
      if (weak) *weak = (*entries_)[k].weak;
    }
    return false;
  });
  return best;
}

std::size_t CueIndex::suffix(std::string_view s, bool* weak) const {
  if (s.empty()) return 0;
  const Lines& l = lines();
  auto b = static_cast<unsigned char>(s.back());
  for (std::uint32_t i = l.end_begin[b]; i < l.end_begin[b + 1]; ++i) {
    const RuleEntry& e = (*entries_)[l.by_end[i]];
    if (s.size() >= e.pattern.size() && s.substr(s.size() - e.pattern.size()) == e.pattern) {
      if (weak) *weak = e.weak;
      return e.pattern.size();
    }
  }
  return 0;
}

bool CueIndex::contains(std::string_view s) const {
  const Lines& l = lines();
  if (l.has_empty) return true;
  for (std::uint32_t k : l.short_)
    if (s.find((*entries_)[k].pattern) != std::string_view::npos) return true;
  if (l.sub.empty() || s.size() < kSubKey) return false;
  // Entries start on a lead byte: step from character to character (the text is valid UTF-8).
  // Two kana or kanji make a key that rarely occurs where no entry does.
  for (std::size_t i = 0; i + kSubKey <= s.size();) {
    const char* key_at = s.data() + i;
    std::uint64_t key = sub_key(key_at);
    // Most characters take three bytes: a predicted branch lets the next step start at once.
    auto lead = static_cast<unsigned char>(s[i]);
    if (__builtin_expect((lead & 0xF0) == 0xE0, 1))
      i += 3;
    else
      i += utf8::sequence_length(lead);
    std::uint32_t h = sub_hash(key);
    if (!((l.sub_bits[h >> 6] >> (h & 63)) & 1)) continue;
    for (auto it = std::lower_bound(l.sub.begin(), l.sub.end(), std::make_pair(key, std::uint32_t(0)));
         it != l.sub.end() && it->first == key; ++it) {
      const std::string& p = (*entries_)[it->second].pattern;
      if (s.substr(static_cast<std::size_t>(key_at - s.data()), p.size()) == p) return true;
    }
  }
  return false;
}

std::size_t CueIndex::find(std::string_view s) const {
  const Lines& l = lines();
  if (l.has_empty) return 0;
  std::size_t best = std::string_view::npos;
  for (std::uint32_t k : l.short_) best = std::min(best, s.find((*entries_)[k].pattern));
  if (l.sub.empty()) return best;
  for (std::size_t i = 0; i + kSubKey <= s.size() && i < best;) {
    std::size_t at = i;
    std::uint64_t key = sub_key(s.data() + i);
    i += utf8::sequence_length(static_cast<unsigned char>(s[i]));
    std::uint32_t h = sub_hash(key);
    if (!((l.sub_bits[h >> 6] >> (h & 63)) & 1)) continue;
    for (auto it = std::lower_bound(l.sub.begin(), l.sub.end(), std::make_pair(key, std::uint32_t(0)));
         it != l.sub.end() && it->first == key; ++it)
      if (s.substr(at, (*entries_)[it->second].pattern.size()) == (*entries_)[it->second].pattern) return at;
  }
  return best;
}

void CueIndex::scan(std::string_view s, std::vector<CueMatch>& out) const {
  const detail::CueTrie& t = trie();
  if (t.depth.size() <= 1) return;
  std::uint32_t state = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    auto b = static_cast<unsigned char>(s[i]);
    while (true) {
      std::uint32_t c = t.child(state, b);
      if (c != detail::CueTrie::kNone) {
        state = c;
        break;
      }
      if (state == 0) break;
      state = t.fail[state];
    }
    std::uint32_t o = t.out_begin[state] < t.out_begin[state + 1] ? state : t.dict[state];
    while (o != detail::CueTrie::kNone) {
      for (std::uint32_t x = t.out_begin[o]; x < t.out_begin[o + 1]; ++x) out.push_back({i + 1 - t.depth[o], i + 1, t.out_entries[x]});
      o = t.dict[o];
    }
  }
}

std::vector<CueMatch> longest_leftmost(std::vector<CueMatch> m) {
  std::sort(m.begin(), m.end(), [](const CueMatch& a, const CueMatch& b) {
    if (a.begin != b.begin) return a.begin < b.begin;
    if (a.end != b.end) return a.end > b.end;
    return a.entry < b.entry;
  });
  std::vector<CueMatch> chosen;
  std::size_t pos = 0;
  for (auto& x : m) {
    if (x.begin < pos) continue;
    chosen.push_back(x);
    pos = x.end;
  }
  return chosen;
}

}  // namespace jatei::text
