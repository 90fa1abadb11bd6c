// Comments signed at the line's end: a wiki's comment box and a guestbook write the comment first
// and who wrote it after it, on the same line, often with when:
//   雷属性がほとんど通らない。氷で押し切れた -- ぽち (2026/05/12 21:03)
//   二段階目の範囲攻撃は柱の陰でやり過ごせます。 -- 夜更かし勇者 2026-05-13 (水) 08:41:07
//   写真の色味がとても好きです　by みどり
// A line so signed is the named person's turn, where the document repeats the shape: at least
// `label.min_lines` lines end with a signature of one family (the separator, and whether a
// date or time follows the name), or `label.min_repeats` when each is dated. The signature stays
// where it is, in the text (a <speaker> can only open a turn); the turn has no <speaker>. A line
// after a signed comment that is not signed itself is no part of it: the comment is over.
#include <map>
#include <sstream>

#include "speakers/analysis.hpp"
#include "speakers/textutil.hpp"

namespace jatei::speakers {

namespace {

bool dash_char(char32_t c) { return c == '-' || c == U'－' || c == U'―' || c == U'—' || c == U'‐'; }

// A weekday in brackets between a date and a time ((水) （日）).
bool weekday_part(std::u32string_view u) {
  if (u.size() != 3 || !(u[0] == '(' || u[0] == U'（') || !(u[2] == ')' || u[2] == U'）')) return false;
  return std::u32string_view(U"日月火水木金土").find(u[1]) != std::u32string_view::npos;
}

// A date or a time on its own (2026/05/12 2026-05-12 12:34 12:34:56 5/12).
bool date_or_time_part(std::u32string_view u) {
  int digits = 0, seps = 0, colons = 0, groups = 0;
  bool in = false;
  for (char32_t c : u) {
    if (text::is_digit(c)) {
      ++digits;
      if (!in) ++groups;
      in = true;
    } else if (c == '/' || c == '-' || c == '.' || c == U'／' || c == U'年' || c == U'月' || c == U'日') {
      ++seps, in = false;
    } else if (c == ':' || c == U'：') {
      ++colons, in = false;
    } else {
      return false;
    }
  }
  return groups >= 2 && digits >= 3 && (seps > 0 || colons > 0);
}

std::u32string u32(std::string_view s) {
  std::u32string out;
  for (text::CodePoint cp : text::code_points(s)) out.push_back(cp.c);
  return out;
}

// Whether the parts of s, split at spaces, are dates, times and weekdays, a date or a time among
// them.
bool stamp_parts(std::string_view s) {
  bool any = false;
  std::u32string cur;
  std::u32string all = u32(s);
  all.push_back(U' ');
  for (char32_t c : all) {
    if (!text::is_space(c)) {
      cur.push_back(c);
      continue;
    }
    if (cur.empty()) continue;
    bool dt = date_or_time_part(cur);
    if (!dt && !weekday_part(cur)) return false;
    any = any || dt;
    cur.clear();
  }
  return any;
}

// The date and time at the end of s (trimmed), in brackets or not (… (2026/05/12 21:03), …
// 2026-05-13 (水) 08:41:07): the byte where they start, or npos.
std::size_t stamp_start(std::string_view s) {
  if (s.empty()) return std::string_view::npos;
  char32_t last = text::before(s, s.size());
  if (last == ')' || last == U'）') {
    std::size_t half = s.rfind('('), full = s.rfind("（");
    std::size_t open = half == std::string_view::npos ? full : full == std::string_view::npos ? half : std::max(half, full);
    if (open == std::string_view::npos) return std::string_view::npos;
    // (a weekday's brackets inside the stamp, 2026-05-13 (水) 08:41:07) are read below)
    std::size_t in = text::next(s, open), out = text::prev(s, s.size());
    if (in < out && stamp_parts(s.substr(in, out - in))) return open;
  }
  // Not bracketed: up to three parts at the end, a date or a time among them.
  std::size_t end = s.size(), start = std::string_view::npos;
  bool any = false;
  for (int n = 0; n < 3 && end > 0; ++n) {
    std::size_t b = end;
    while (b > 0 && !text::is_space(text::before(s, b))) b = text::prev(s, b);
    std::u32string part = u32(s.substr(b, end - b));
    bool dt = date_or_time_part(part);
    if (!dt && !weekday_part(part)) break;
    any = any || dt;
    start = b;
    end = b;
    while (end > 0 && text::is_space(text::before(s, end))) end = text::prev(s, end);
  }
  return any ? start : std::string_view::npos;
}

// A name that signs a comment: one to twenty letters of a name or a handle, no sentence end, not
// opening with a figure (ぽち, 夜更かし勇者, kazu_0921, T.Mori).
bool signing_name(std::string_view t) {
  std::size_t n = text::length(t);
  if (n == 0 || n > 20 || has_terminator(t) || text::is_digit(text::at(t, 0))) return false;
  for (text::CodePoint cp : text::code_points(t)) {
    char32_t c = cp.c;
    if (!(text::is_kanji(c) || text::is_kana(c) || text::is_prolonged(c) || text::is_latin(c) || text::is_digit(c) ||
          c == '_' || c == '.' || c == U'・' || c == '@' || c == U'＠'))
      return false;
  }
  return true;
}

}  // namespace

std::optional<Signature> parse_signature(std::string_view line) {
  std::string_view t = trim_space(line);
  std::size_t stamp = stamp_start(t);
  std::string_view rest = trim_space(stamp == std::string_view::npos ? t : t.substr(0, stamp));
  // The separator before the name: a run of two dashes or more (-- ―― －－), or "by" after a space.
  std::size_t name_at = rest.size();
  while (name_at > 0 && !text::is_space(text::before(rest, name_at)) && !dash_char(text::before(rest, name_at)))
    name_at = text::prev(rest, name_at);
  std::string_view name = rest.substr(name_at);
  if (!signing_name(name)) return std::nullopt;
  std::size_t sep_end = name_at;
  while (sep_end > 0 && text::is_space(text::before(rest, sep_end))) sep_end = text::prev(rest, sep_end);
  Signature sig;
  std::size_t sep_start = sep_end;
  if (sep_end > 0 && dash_char(text::before(rest, sep_end))) {
    char32_t d = text::before(rest, sep_end);
    int run = 0;
    while (sep_start > 0 && text::before(rest, sep_start) == d) sep_start = text::prev(rest, sep_start), ++run;
    if (run < 2) return std::nullopt;
    sig.family = d == U'―' || d == U'—' ? "――" : "--";
  } else if (sep_end >= 2 && (rest.substr(sep_end - 2, 2) == "by" || rest.substr(sep_end - 2, 2) == "By" ||
                              rest.substr(sep_end - 2, 2) == "BY") &&
             sep_end < name_at) {
    sep_start = sep_end - 2;
    if (sep_start == 0 || !text::is_space(text::before(rest, sep_start))) return std::nullopt;
    sig.family = "by";
  } else {
    return std::nullopt;
  }
  // The comment before the signature: some letters, not only a title in brackets (『…』 by 作者
  // lists books, not comments).
  std::string_view body = trim_space(rest.substr(0, sep_start));
  if (text::length(body) < 2) return std::nullopt;
  int open = text::opens(text::at(body, 0));
  if ((open == 3 || open == 4) && text::closes(text::before(body, body.size())) == open) return std::nullopt;
  sig.name = std::string(name);
  sig.dated = stamp != std::string_view::npos;
  if (sig.dated) sig.family += "+日時";
  sig.at = static_cast<std::size_t>(body.data() + body.size() - line.data());
  return sig;
}

// Gives the lines signed at their end a label where the document repeats a signature's family.
void signed_lines(Context& cx, std::vector<Item*>& items) {
  std::map<std::string, std::vector<std::pair<std::size_t, Signature>>> by_family;
  for (std::size_t k = 0; k < items.size(); ++k) {
    Item& it = *items[k];
    if (it.label || it.header || it.forced || it.block.leaves.size() != 1) continue;
    // (segmentation may take a comment that opens with a mark, ↑…, for a caption, a short one for
    // a heading)
    if (it.block.kind != BlockKind::paragraph && it.block.kind != BlockKind::list && it.block.kind != BlockKind::quote &&
        it.block.kind != BlockKind::figure && it.block.kind != BlockKind::head)
      continue;
    std::string line = leaf_text(it.block.leaves[0]);
    if (auto sig = parse_signature(line)) by_family[sig->family].push_back({k, std::move(*sig)});
  }
  for (auto& [family, lines] : by_family) {
    LabelStyle st;
    st.family = "sig:" + family;
    st.shape = "本文 " + family.substr(0, family.find('+')) + " 名前" + (family.find('+') != std::string::npos ? " (日時)" : "") +
               "（行末の署名）";
    st.lines = static_cast<int>(lines.size());
    for (auto& [k, sig] : lines) st.names["H:" + sig.name]++;
    st.spoken = st.lines;
    bool dated = family.find('+') != std::string::npos;
    int need = static_cast<int>(cx.w(dated ? "label.min_repeats" : "label.min_lines"));
    st.accepted = st.lines >= need;
    std::ostringstream why;
    why << st.lines << " lines end with a signature of this shape (" << need << " needed"
        << (dated ? ", each dated" : "") << "), " << st.names.size() << " names";
    st.why = why.str();
    if (st.accepted)
      for (auto& [k, sig] : lines) {
        Item& it = *items[k];
        Label l;
        l.family = st.family;
        l.key = "H:" + sig.name;
        l.signed_at_end = true;
        l.recurring = st.names[l.key] >= 2;
        l.shape.name = sig.name;
        l.shape.shape = st.shape;
        it.label = l;
        it.candidate.reset();
      }
    cx.styles.push_back(std::move(st));
  }
}

}  // namespace jatei::speakers
