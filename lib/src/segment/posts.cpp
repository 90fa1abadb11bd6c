// Embedded social-media posts: the footer that names the poster, and the post above it.
#include "segment/plan.hpp"

#include <string>
#include <utility>

namespace jatei::seg {
namespace {

class Posts : Pass {
 public:
  explicit Posts(Plan& p) : Pass(p) {}

  // Embedded posts: a post footer and the post above it (the line before, and the text of
  // the post before a line that only links its picture) are a quotation.
  void run() {
    post_.assign(lines_.size(), 0);
    for (std::size_t i = 0; i < lines_.size(); ++i) {
      if (lines_[i].kind == LineKind::blank || !is_post_footer(lines_[i])) continue;
      post_[i] = 1;
      std::size_t p = prev_nonblank(i);
      auto link_only = [&](std::size_t j) {
        std::string_view c = lines_[j].content();
        return c.find(' ') == std::string_view::npos && c.find("\xE3\x80\x80") == std::string_view::npos &&
               (c.starts_with("http") || c.starts_with("pic.") || c.starts_with("www."));
      };
      if (p != npos && link_only(p)) {
        post_[p] = 1;
        p = prev_nonblank(p);
      }
      if (p != npos && (lines_[p].kind == LineKind::para || lines_[p].kind == LineKind::bullet) && !post_[p] &&
          !is_post_footer(lines_[p])) {
        post_[p] = 1;
        // A numbered thread (1/8 … 8/8) over one footer: the posts before the last one, back
        // to 1/N, numbered in order, are the same poster's.
        auto [k, n] = thread_number(lines_[p].content());
        for (std::size_t q = prev_nonblank(p); k > 1 && q != npos; q = prev_nonblank(q)) {
          auto [k2, n2] = thread_number(lines_[q].content());
          if (n2 != n || k2 != k - 1 || lines_[q].kind != LineKind::para || post_[q]) break;
          post_[q] = 1;
          k = k2;
        }
      }
    }
  }

 private:
  // The number of a post in a thread, k/N at the start of the line (before a space) or at its
  // end (after one, or in brackets): {k, N}, or {0, 0}. (1/8に is a date, not a number.)
  static std::pair<int, int> thread_number(std::string_view c) {
    auto read = [](std::string_view s, std::size_t at, std::size_t& end) -> std::pair<int, int> {
      int k = 0, n = 0;
      std::size_t i = at;
      while (i < s.size() && i - at < 3 && s[i] >= '0' && s[i] <= '9') k = k * 10 + (s[i++] - '0');
      if (i == at || i >= s.size() || s[i] != '/') return {0, 0};
      std::size_t j = ++i;
      while (i < s.size() && i - j < 3 && s[i] >= '0' && s[i] <= '9') n = n * 10 + (s[i++] - '0');
      if (i == j || k < 1 || k > n) return {0, 0};
      end = i;
      return {k, n};
    };
    std::size_t end = 0;
    auto head = read(c, 0, end);
    if (head.first && (end == c.size() || c[end] == ' ' || c.substr(end).starts_with("\xE3\x80\x80"))) return head;
    // At the end: the last "k/N" after a space or a bracket.
    std::string_view t = c;
    for (const char* close : {")", "）"})
      if (t.ends_with(close)) t.remove_suffix(std::char_traits<char>::length(close));
    std::size_t slash = t.rfind('/');
    if (slash == std::string_view::npos || slash == 0) return {0, 0};
    std::size_t b = slash;
    while (b > 0 && t[b - 1] >= '0' && t[b - 1] <= '9') --b;
    if (b == slash || b == 0) return {0, 0};
    std::string_view before = t.substr(0, b);
    if (!(before.ends_with(" ") || before.ends_with("(") || before.ends_with("（") || before.ends_with("\xE3\x80\x80")))
      return {0, 0};
    auto tail = read(t, b, end);
    return tail.first && end == t.size() ? tail : std::pair<int, int>{0, 0};
  }

  // The footer of an embedded social-media post: a dash, the poster's name and handle in
  // brackets, then usually the date (— 山田花子 (@hanako_y) March 2, 2024).
  static bool is_post_footer(const Line& l) {
    std::string_view c = l.content();
    if (l.chars > 100 || l.chars < 4) return false;
    std::size_t len = 0;
    char32_t f = utf8::decode(c, 0, len);
    static constexpr std::u32string_view kDashes = U"—―–‐-─ー－";
    if (kDashes.find(f) == std::u32string_view::npos) return false;
    for (const char* open : {"(@", "（@", "(＠", "（＠"})
      if (c.find(open) != std::string_view::npos) return true;
    return false;
  }
};

}  // namespace

void mark_posts(Plan& plan) { Posts(plan).run(); }

}  // namespace jatei::seg
