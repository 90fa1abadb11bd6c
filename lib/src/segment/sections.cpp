// Each block's section (article, summary, author, boilerplate), and the blocks whose kind
// depends on where they stand: a source credit, the writer's name under the title and again in
// the author box, a dateline and the desk beside the byline, the bio after an author's byline.
#include "segment/plan.hpp"

#include "segment/layout.hpp"

#include <string>

namespace jatei::seg {
namespace {

// The most blocks an author box under a profile's heading takes (a name and a bio for each of
// a few people).
constexpr std::size_t kBioBlocks = 8;

class Sections : Pass {
 public:
  explicit Sections(Plan& p) : Pass(p) {}

  void run(std::vector<PendingBlock>& blocks) {
    bool body_seen = false;
    for (std::size_t k = 0; k < blocks.size(); ++k) {
      auto& pb = blocks[k];
      PendingBlock& b = pb;
      if (pb.section == Section::boilerplate) continue;
      if (pb.section == Section::summary) {  // a summary heading: its list follows
        // Only the heading passes the section on (to its list), or the summary would swallow
        // every block after it (a byline, a bio).
        if (b.kind == BlockKind::head && k + 1 < blocks.size()) blocks[k + 1].section = Section::summary;
        continue;
      }
      if (b.kind == BlockKind::figure && is_source_credit(blocks, k)) b.kind = BlockKind::byline;
      // この記事の監修医師 over the doctor's name, before the body: the byline's first line.
      if (!body_seen && b.kind == BlockKind::head && k != title_block_ && b.first == b.last && k + 1 < blocks.size() &&
          blocks[k + 1].kind == BlockKind::byline && rules_.matches_whole("byline-head", trim(line_text(b.first))))
        b.kind = BlockKind::byline;
      // The writer's name: a short line right under the title over a dateline, and the same
      // line again later (the author box at the end).
      if (title_block_ != npos && k == title_block_ + 1 && k + 1 < blocks.size() && is_name_line(b) &&
          is_dateline(blocks[k + 1])) {
        b.kind = BlockKind::byline;
        author_line_ = line_text(b.first);
      } else if (!author_line_.empty() && k > title_block_ + 1 && is_name_line(b) &&
                 trim(line_text(b.first)) == trim(author_line_)) {
        b.kind = BlockKind::byline;
      }
      // The issuer's name alone on its line under the title (or its subtitle), before the body:
      // who issues the page (a press release's company line), a byline.
      if (!body_seen && title_block_ != npos && k > title_block_ && b.first == b.last &&
          (b.kind == BlockKind::paragraph || b.kind == BlockKind::head) && is_org_line(lines_[b.first]))
        b.kind = BlockKind::byline;
      // A dateline beside the byline at the head of the article goes with it (TEI puts the
      // lines that date and sign a text before its body: a <p> there would split the division).
      // So does one right under the title, which dates the article as a byline would.
      if (!body_seen && is_dateline(b) &&
          ((k + 1 < blocks.size() && blocks[k + 1].kind == BlockKind::byline) ||
           (k > 0 && blocks[k - 1].kind == BlockKind::byline) ||
           (k > 0 && (k - 1 == title_block_ || k - 1 == subtitle_block_ || under_title_head(blocks, k - 1)) &&
            k + 1 < blocks.size())))
        b.kind = BlockKind::byline;
      // The desk or the writer signing beside that dateline (テックジャーナル編集部　川口 里奈): a
      // short line of names, without figures or punctuation, before the body.
      if (!body_seen && b.kind == BlockKind::paragraph && b.first == b.last && k > 0 &&
          blocks[k - 1].kind == BlockKind::byline && lines_[blocks[k - 1].first].dateline && k + 1 < blocks.size()) {
        const Line& l = lines_[b.first];
        if (l.chars <= 30 && !has_clause_punctuation(l.content()) && !has_digit(l.content()) &&
            !ends_like_sentence(l.content()) && !l.dateline && !cues_.addressee.whole(l.content()))
          b.kind = BlockKind::byline;
      }
      // A profile's heading after the body (■プロフィール, 【略歴】, 著者プロフィール: [bio-head]
      // once its marks are set aside) opens an author box: the paragraphs under it (and the
      // name's byline right under it), up to the next heading, a credit or the page's furniture,
      // are the people's bios, not the body.
      if (body_seen && b.kind == BlockKind::head && b.first == b.last &&
          rules_.matches_whole("bio-head", heading_words(line_text(b.first)))) {
        pb.section = Section::author;
        std::size_t j = k + 1;
        for (; j < blocks.size() && j - k <= kBioBlocks; ++j) {
          PendingBlock& nb = blocks[j];
          bool name = nb.kind == BlockKind::byline && j == k + 1;
          if ((nb.kind != BlockKind::paragraph && !name) || nb.section != Section::article ||
              nb.first != nb.last || count_chars(line_text(nb.first), 301) > 300)
            break;
          nb.section = Section::author;
        }
        k = j - 1;
        continue;
      }
      // A signature over the text its person wrote (営業担当・森下 over the agent's comment): the
      // byline of a part of the article, not an author box.
      if (body_seen && signs_below(blocks, k)) continue;
      if (b.kind == BlockKind::byline) {
        pb.section = body_seen ? Section::author : Section::article;
        // Right before a trailer, a byline (出典:…, 文:…) closes the division it follows, so
        // the trailer has a block before it in that division.
        if (k > 0 && k + 1 < blocks.size() && blocks[k + 1].kind == BlockKind::trailer)
          pb.section = blocks[k - 1].section;
        // Bio: up to two short paragraphs right after the first byline of an author section.
        bool opens = pb.section == Section::author && (k == 0 || blocks[k - 1].section != Section::author);
        if (opens) {
          std::size_t j = k + 1;
          for (int taken = 0; taken < 2 && j < blocks.size(); ++taken, ++j) {
            const PendingBlock& nb = blocks[j];
            if (nb.kind != BlockKind::paragraph || blocks[j].section != Section::article) break;
            if (count_chars(line_text(nb.first), 301) > 300) break;
            blocks[j].section = Section::author;
          }
          k = j - 1;
        }
        continue;
      }
      if (b.kind == BlockKind::list && pb.section == Section::article) {
        // A list right under a heading of the body (a table under its title) belongs to it.
        bool under_head = k > 0 && blocks[k - 1].kind == BlockKind::head && blocks[k - 1].section == Section::article;
        // (Not after the 以上 that closes a letter's 記: the notes under it are the letter's.)
        bool after_trailer = k > 0 && blocks[k - 1].kind == BlockKind::trailer && !record_closed(blocks, k - 1);
        bool before_back = k + 1 < blocks.size() &&
                           (blocks[k + 1].kind == BlockKind::byline ||
                            blocks[k + 1].section == Section::boilerplate);
        if (!under_head && (after_trailer || (before_back && body_seen))) {
          pb.section = Section::summary;
          continue;
        }
      }
      // The furniture above the title (an addressee, the issuer's rows) is not the body.
      if (b.kind != BlockKind::head && !is_dateline(b) && (title_block_ == npos || k > title_block_)) body_seen = true;
    }
  }

 private:
  // 出典:… at the end of the body credits the article's sources, not a figure.
  bool is_source_credit(const std::vector<PendingBlock>& blocks, std::size_t k) const {
    std::string_view content = trim(line_text(blocks[k].first));
    if (!rules_.matches_prefix("credit-source", content)) return false;
    if (k + 1 == blocks.size()) return true;
    const PendingBlock& next = blocks[k + 1];
    return next.kind == BlockKind::trailer || next.kind == BlockKind::byline ||
           next.section == Section::boilerplate;
  }

  // Block h is a heading under the title, before the body (a verdict, 判定：誤り, or a tag,
  // 【解説】, between the title and the dateline): the dateline under it still dates the page.
  bool under_title_head(const std::vector<PendingBlock>& blocks, std::size_t h) const {
    return title_block_ != npos && h > title_block_ && blocks[h].kind == BlockKind::head &&
           blocks[h].section == Section::article;
  }

  // A one-line block of a short name: no punctuation, no figure, not a mark of its own.
  bool is_name_line(const PendingBlock& b) const {
    if ((b.kind != BlockKind::paragraph && b.kind != BlockKind::head) || b.first != b.last) return false;
    const Line& l = lines_[b.first];
    std::string_view c = l.content();
    // (A key and its value, 判定：誤り, is a label, not a name.)
    return l.chars >= 2 && l.chars <= 20 && !has_clause_punctuation(c) && !has_digit(c) && !l.head_like &&
           c.find("：") == std::string_view::npos && c.find(':') == std::string_view::npos &&
           !is_markdown_heading(c) && c.find("\xE3\x80\x80") == std::string_view::npos &&
           c.find(' ') == std::string_view::npos;
  }

  // Whether the trailer blocks[t] closes a record a [record-open] line opened (記 … 以上).
  bool record_closed(const std::vector<PendingBlock>& blocks, std::size_t t) const {
    for (std::size_t k = t; k-- > 0;) {
      if (blocks[k].kind == BlockKind::trailer) return false;
      if (blocks[k].first == blocks[k].last && rules_.matches_whole("record-open", trim(line_text(blocks[k].first))))
        return true;
    }
    return false;
  }

  bool is_dateline(const PendingBlock& b) const {
    return b.kind == BlockKind::paragraph && b.first == b.last && lines_[b.first].dateline;
  }
};

}  // namespace

void assign_sections(Plan& plan) { Sections(plan).run(plan.blocks); }

}  // namespace jatei::seg
