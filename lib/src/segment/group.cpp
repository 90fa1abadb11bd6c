// Lines -> blocks: the page's header (header.cpp), a subtitle under the title, an embedded
// post, a list of items of one kind, a quotation after its lead-in or under a line that
// announces a statement; every other line a block of its own kind.
#include "segment/plan.hpp"

#include "segment/layout.hpp"

#include <string>

namespace jatei::seg {
namespace {

class Grouping : Pass {
 public:
  explicit Grouping(Plan& p) : Pass(p) {}

  std::vector<PendingBlock> run() {
    std::vector<PendingBlock> out;
    std::size_t nonblank = 0;
    for (auto& l : lines_) nonblank += l.kind != LineKind::blank;
    out.reserve(nonblank);
    std::vector<std::pair<std::size_t, HeaderRole>> header = plan_header(plan_, nonblank);
    std::size_t h = 0;
    bool comment = false;  // under a [comment-head] line
    for (std::size_t i = 0; i < lines_.size(); ++i) {
      Line& l = lines_[i];
      if (l.kind == LineKind::blank) continue;
      PendingBlock pb;
      pb.first = pb.last = static_cast<std::uint32_t>(i);
      if (h < header.size() && header[h].first == i) {
        switch (header[h++].second) {
          case HeaderRole::title:
            pb.kind = BlockKind::head;
            title_ = std::string(l.content());
            title_block_ = out.size();
            break;
          case HeaderRole::chrome: pb.section = Section::boilerplate; break;
          case HeaderRole::byline: pb.kind = BlockKind::byline; break;
          case HeaderRole::paragraph: break;
          case HeaderRole::series: pb.kind = BlockKind::head; break;
        }
        out.push_back(pb);
        continue;
      }
      // A subtitle right under the title, between wave dashes or dashes (～…～, ―…―).
      if (title_block_ != npos && out.size() == title_block_ + 1 && is_subtitle(l)) {
        pb.kind = BlockKind::head;
        subtitle_block_ = out.size();
        out.push_back(pb);
        continue;
      }
      if (post_[i]) {  // an embedded post, with its footer
        pb.kind = BlockKind::quote;
        for (std::size_t j = next_nonblank(i); j != npos && post_[j]; j = next_nonblank(j)) i = j;
        pb.last = static_cast<std::uint32_t>(i);
        comment = false;
        out.push_back(pb);
        continue;
      }
      switch (l.kind) {
        case LineKind::bullet:
        case LineKind::number: {
          pb.kind = BlockKind::list;
          LineKind k = l.kind;
          std::size_t j = next_nonblank(i);
          while (j != npos && lines_[j].kind == k) {
            i = j;
            j = next_nonblank(i);
          }
          pb.last = static_cast<std::uint32_t>(i);
          break;
        }
        case LineKind::caption: pb.kind = BlockKind::figure; break;
        case LineKind::code: pb.kind = BlockKind::code; break;
        case LineKind::note: pb.kind = BlockKind::note; break;
        case LineKind::trailer: pb.kind = BlockKind::trailer; break;
        case LineKind::byline:
        case LineKind::credit: pb.kind = BlockKind::byline; break;
        case LineKind::section_head: pb.kind = BlockKind::head; break;
        case LineKind::summary_head:
          pb.kind = BlockKind::head;
          pb.section = Section::summary;
          break;
        case LineKind::boilerplate:
          pb.kind = BlockKind::paragraph;
          pb.section = Section::boilerplate;
          break;
        default:
          // A statement wholly in 「」 under a heading (a name over a comment) is a quotation; so
          // is the next one under it (読者の声 over 「…」（会社員・40代） and 「…」（パート・50代）).
          pb.kind = (!out.empty() && introduces_quote(out.back())) || comment || is_markdown_quote(l.content()) ||
                            (is_statement(l) && !out.empty() &&
                             ((out.back().kind == BlockKind::head && out.size() - 1 != title_block_) ||
                              (out.back().kind == BlockKind::quote && out.back().first == out.back().last &&
                               is_statement(lines_[out.back().first])))) ||
                            lone_statement(i, out)
                        ? BlockKind::quote
                        : BlockKind::paragraph;
          break;
      }
      // Under a line that announces a statement ([comment-head]), the paragraphs are the statement.
      if ((pb.kind == BlockKind::head || pb.kind == BlockKind::paragraph) && pb.section != Section::boilerplate)
        comment = l.chars <= 60 && !ends_like_sentence(l.content()) && rules_.matches_whole("comment-head", l.content()) &&
                  states_under(i);
      else if (pb.kind != BlockKind::quote || pb.section == Section::boilerplate)
        comment = false;
      out.push_back(pb);
    }
    // The text after the last block's last line (the leads before each leaf are taken as the
    // leaves are made).
    tail_ = out.empty() ? std::string(text_) : std::string(text_.substr(lines_[out.back().last].end));
    return out;
  }

 private:
  // A statement wholly in 「」 alone between paragraphs of prose: someone's words set apart in
  // the text. Not where a line around it is a statement too (a run of them is a dialogue's
  // turns), nor under a question (an interview's answer: ――回収の規模は。 over 「…」), nor under
  // a paragraph that opens a quotation without closing it (the last paragraph of a quotation of
  // several, which the first one's speaker goes on saying), nor under a line that ends with a
  // colon (市長はこう述べた：, its value or its words).
  bool lone_statement(std::size_t i, const std::vector<PendingBlock>& out) const {
    if (!is_statement(lines_[i]) || out.empty() || out.size() - 1 == title_block_) return false;
    std::size_t p = prev_nonblank(i), n = next_nonblank(i);
    std::string_view before = p == npos ? std::string_view() : lines_[p].content();
    if (p == npos || is_statement(lines_[p]) || asks(before) || before.starts_with("「") || before.ends_with("：") ||
        before.ends_with(":"))
      return false;
    return n == npos || !is_statement(lines_[n]);
  }

  // A line that asks: a question's end (？, …か。, …は。) or an interviewer's dash before it.
  static bool asks(std::string_view c) {
    for (const char* dash : {"―", "—", "─", "－"})
      if (c.starts_with(dash)) return true;
    for (const char* end : {"？", "?", "か。", "は。", "か", "は"})
      if (c.ends_with(end)) return true;
    return false;
  }

  bool introduces_quote(const PendingBlock& b) const {
    return b.kind == BlockKind::paragraph && lines_[b.last].quote_intro;
  }

  // Whether the line under line i opens a statement (sentences), not a thread of comments
  // (a header line with a name and a date, a short line).
  bool states_under(std::size_t i) const {
    std::size_t n = next_nonblank(i);
    if (n == npos || lines_[n].kind != LineKind::para) return false;
    const Line& l = lines_[n];
    return !has_stamp(l.content()) && (ends_like_sentence(l.content()) || l.r_count >= 2) && l.chars > 20;
  }
};

}  // namespace

std::vector<PendingBlock> group(Plan& plan) { return Grouping(plan).run(); }

}  // namespace jatei::seg
