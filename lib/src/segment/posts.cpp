// Embedded social-media posts: the footer that names the poster, and the post above it.
#include "segment/plan.hpp"

#include <string>

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
          !is_post_footer(lines_[p]))
        post_[p] = 1;
    }
  }

 private:
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
