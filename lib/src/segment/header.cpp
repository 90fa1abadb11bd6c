// The page's header: the furniture a page may open with before its title (chrome, an
// addressee, the writer's handle, a dateline, the issuer's rows) and the title itself.
#include "segment/plan.hpp"

#include "segment/layout.hpp"

#include <algorithm>
#include <cctype>
#include <string>

namespace jatei::seg {
namespace {

class Header : Pass {
 public:
  explicit Header(Plan& p) : Pass(p) {}

  // The page's header: the lines before the title and the title. A page may open with its
  // furniture before the title: site chrome (a breadcrumb, the site's name over it), an
  // addressee (報道関係者各位), the writer's handle (@name), a dateline, the rows or bracketed
  // lines that name the issuer of a release; the title is the first line after them that
  // reads like one. Returns each header line with its role (none when no title is found
  // there: the lines are then read as any others).
  std::vector<std::pair<std::size_t, HeaderRole>> run(std::size_t nonblank) const {
    std::vector<std::pair<std::size_t, HeaderRole>> roles;
    std::size_t seen = 0;
    bool addressed = false;
    for (std::size_t i = first_nonblank(); i != npos && seen < 10; i = next_nonblank(i), ++seen) {
      const Line& l = lines_[i];
      std::string_view c = l.content();
      // Chrome, or a line without a letter or a digit (an icon, an emoji the page shows above
      // the title).
      if (l.kind == LineKind::boilerplate || (l.kind == LineKind::para && l.chars <= 5 && !has_word_char(c))) {
        roles.push_back({i, HeaderRole::chrome});
        continue;
      }
      if ((l.kind == LineKind::para || l.kind == LineKind::bullet) && cues_.addressee.whole(c)) {
        roles.push_back({i, HeaderRole::paragraph});
        addressed = true;
        continue;
      }
      // A letter (保護者各位, then who sends it, then its title over the body): under the
      // addressee, the short lines before the last one above the body are the sender's (the
      // school or office, its head's name).
      if (addressed && is_sender_line(i)) {
        roles.push_back({i, HeaderRole::byline});
        continue;
      }
      if (l.kind == LineKind::para && is_handle(l)) {
        roles.push_back({i, HeaderRole::byline});
        continue;
      }
      if (l.kind == LineKind::byline || l.kind == LineKind::credit ||
          (l.dateline && (l.kind == LineKind::para || l.kind == LineKind::section_head))) {
        // A dateline first of all is the page's; the title follows.
        if (seen == 0 && !l.dateline) break;
        roles.push_back({i, HeaderRole::byline});
        continue;
      }
      // A row right above the dateline, after the page's chrome: the title (リーグ戦第7節　…).
      if (!roles.empty() && l.kind == LineKind::bullet && !has_bullet_mark(c) && l.chars <= 60 && !ends_like_sentence(c)) {
        std::size_t n = next_nonblank(i);
        if (n != npos && lines_[n].dateline && lines_[n].kind == LineKind::para) {
          roles.push_back({i, HeaderRole::title});
          return roles;
        }
      }
      // Rows of the issuer (会社名　…, 代表者名　…) or a bracketed line among them, once the
      // page has begun with chrome or a date: not the title.
      if (!roles.empty() && l.chars <= 60 && !ends_like_sentence(c) &&
          ((l.kind == LineKind::bullet && !has_bullet_mark(c)) || (l.kind == LineKind::para && is_bracketed(c)))) {
        roles.push_back({i, HeaderRole::byline});
        continue;
      }
      // The issuer's name alone on its line (株式会社ミドリノハコ, ミドリノハコ株式会社): who
      // issues the page, never its title.
      if (is_org_line(l)) {
        roles.push_back({i, HeaderRole::byline});
        continue;
      }
      if (is_title_candidate(l, nonblank)) {
        // The title is the line right above the page's dateline: a line that could be a title
        // over another that could too, itself over a dateline or a byline (サイト名 / 記事の題 /
        // 2025年6月12日), is the site's name (chrome), or, when it numbers an instalment
        // (連載｜…　Vol.24, トップに聞く　第42回), the series' heading over the title.
        // (The title is the longer: a short line under the title over the dateline is the
        // writer's name or handle, しらたま, or the head of a byline, この記事の監修医師.)
        if (std::size_t n = next_nonblank(i);
            n != npos && seen + 1 < 10 && lines_[n].chars > l.chars && above_dated_title(n, nonblank)) {
          roles.push_back({i, has_digit(c) ? HeaderRole::series : HeaderRole::chrome});
          continue;
        }
        // A label of the page's kind over the issuer's name and the title (ニュースリリース /
        // 株式会社… / 題): chrome.
        if (std::size_t o = next_nonblank(i); o != npos && seen + 2 < 10 && is_org_line(lines_[o])) {
          std::size_t t = next_nonblank(o);
          if (t != npos && lines_[t].chars > l.chars && is_title_candidate(lines_[t], nonblank)) {
            roles.push_back({i, HeaderRole::chrome});
            continue;
          }
        }
        // The site's name over its chrome (北浜市公式ホームページ over a breadcrumb), when a
        // title follows the chrome.
        std::size_t n = next_nonblank(i);
        if (roles.empty() && n != npos && lines_[n].kind == LineKind::boilerplate) {
          std::size_t after = next_nonblank(n);
          while (after != npos && lines_[after].dateline) after = next_nonblank(after);  // the post's date
          if (after != npos && is_title_candidate(lines_[after], nonblank) && !lines_[after].dateline) {
            roles.push_back({i, HeaderRole::chrome});
            continue;
          }
        }
        roles.push_back({i, HeaderRole::title});
        return roles;
      }
      break;
    }
    // No title: only the chrome, addressee and handle at the top keep their roles (as before
    // any title), up to the first other line.
    std::vector<std::pair<std::size_t, HeaderRole>> kept;
    for (auto& r : roles) {
      const Line& l = lines_[r.first];
      bool plain = l.kind == LineKind::boilerplate || cues_.addressee.whole(l.content()) ||
                   (l.kind == LineKind::para && is_handle(l));
      if (!plain || kept.size() >= 4) break;
      kept.push_back(r);
    }
    return kept;
  }

 private:
  // @name or @name(表示名): a writer's handle on a line of its own.
  static bool is_handle(const Line& l) {
    std::string_view c = l.content();
    if (l.chars > 40 || (!c.starts_with("@") && !c.starts_with("＠")) || ends_like_sentence(c)) return false;
    std::size_t at = c.starts_with("@") ? 1 : 3, n = 0;
    while (at + n < c.size() && (std::isalnum(static_cast<unsigned char>(c[at + n])) || c[at + n] == '_' || c[at + n] == '.'))
      ++n;
    return n >= 2 && !has_date_or_time(c);
  }

  // A line of speech, not a title, though it lacks the mark that ends a sentence: it ends with a
  // particle of speech or a question ([speech-end]), opens with an interjection or a call
  // ([speech-start], 森さん、…), or reports what someone said and goes on to a predicate
  // (「それ、本当に効くの？」って母に聞かれたのが始まりだった).
  bool reads_as_speech(std::string_view c, std::size_t chars) const {
    if (rules_.matches_whole("speech-end", c) || rules_.matches_prefix("speech-start", c)) return true;
    std::size_t comma = c.find("、");
    if (comma != std::string_view::npos && count_chars(c.substr(0, comma), 9) <= 8) {
      std::string_view call = c.substr(0, comma);
      for (std::string_view title : {"さん", "先生", "くん", "ちゃん", "君", "様"})
        if (call.size() > title.size() && call.ends_with(title)) return true;
    }
    if (chars > 20 && cues_.predicate_end.whole(c))
      for (std::string_view quotative : {"」って", "」と言", "」と聞", "」と思"})
        if (c.find(quotative) != std::string_view::npos) return true;
    return false;
  }

  bool is_title_candidate(const Line& l, std::size_t nonblank_lines) const {
    if (nonblank_lines < 3 || l.dateline) return false;
    // A short line that layout made a heading, first after the page's chrome.
    if (l.kind == LineKind::section_head && !is_markdown_heading(l.content()) && !l.head_like) return true;
    // A series or format marker before the words of a title (【随時更新】…を実況, 【詳報】…), as
    // on the first line, after the page's chrome too.
    if (l.kind == LineKind::section_head && l.content().starts_with("【") && !ends_like_sentence(l.content())) {
      std::size_t close = l.content().find("】");
      return close != std::string_view::npos && count_chars(l.content().substr(close + 3), 8) >= 6 && l.chars <= 100;
    }
    if (l.kind != LineKind::para) return false;
    if (rules_.matches_whole("title", l.content())) return l.chars <= 100;
    if (l.chars > 60 || ends_like_sentence(l.content()) || reads_as_speech(l.content(), l.chars)) return false;
    // A speaker label (司会: …) or an interviewer's dash opens a turn, not a title.
    for (const char* dash : {"――", "——", "ーー", "──", "--"})
      if (l.content().substr(0, std::char_traits<char>::length(dash)) == dash) return false;
    std::size_t colon = std::min(l.content().find(':'), l.content().find("："));
    if (colon != std::string_view::npos && count_chars(l.content().substr(0, colon), 12) <= 10) return false;
    // One sentence, or up to three that do not end like one (…が反撃へ！　秋の新作を先取り, 【解説】
    // なぜ今？ 電気代の仕組み): a headline's parts, not a paragraph's sentences.
    std::vector<Range> r;
    splitter_.split(l.content(), r, valid_utf8_);
    // (Parts cut by a sentence's mark inside, not by a space: トップに聞く　第42回 is a series'
    // name over the title.)
    if (r.size() == 1) return true;
    std::string_view c = l.content();
    bool marked = c.find("？") != std::string_view::npos || c.find("！") != std::string_view::npos ||
                  c.find("。") != std::string_view::npos || c.find('?') != std::string_view::npos ||
                  c.find('!') != std::string_view::npos;
    return r.size() <= 3 && marked && !c.ends_with("？") && !c.ends_with("?");
  }

  // Whether line n could be the title and the line under it dates or signs the page (a dateline,
  // a byline, a credit): not a subtitle between dashes, which goes with the title above it.
  bool above_dated_title(std::size_t n, std::size_t nonblank) const {
    const Line& t = lines_[n];
    if (t.dateline || is_subtitle(t) || !is_title_candidate(t, nonblank) ||
        rules_.matches_whole("byline-head", t.content()))
      return false;
    std::size_t m = next_nonblank(n);
    if (m == npos) return false;
    const Line& d = lines_[m];
    return d.dateline || d.kind == LineKind::byline || d.kind == LineKind::credit;
  }

  // A short plain line (no sentence, no clause punctuation, no date) of a run of such lines
  // that ends right above the body (a paragraph of sentences): every line of the run but the
  // last, which is the title. A run with a subtitle, a dateline or a row is not a letter's.
  bool is_sender_line(std::size_t i) const {
    auto plain = [&](std::size_t j) {
      const Line& l = lines_[j];
      return l.kind == LineKind::para && l.chars <= 40 && !l.dateline && !ends_like_sentence(l.content()) &&
             !has_clause_punctuation(l.content()) && !is_subtitle(l);
    };
    if (!plain(i)) return false;
    std::size_t n = next_nonblank(i);
    if (n == npos || !plain(n)) return false;
    for (std::size_t j = n; j != npos; j = next_nonblank(j)) {
      if (is_body(j)) return true;
      if (!plain(j)) return false;
    }
    return false;
  }

  // A bracketed line: （コード番号：4598　東証グロース）.
  static bool is_bracketed(std::string_view c) {
    return (c.starts_with("（") && c.ends_with("）")) || (c.starts_with("(") && c.ends_with(")"));
  }

  // Whether s starts with a [list-bullet] marker.
  bool has_bullet_mark(std::string_view s) const {
    for (auto& e : cues_.list_bullet.entries())
      if (!e.pattern.empty() && s.starts_with(e.pattern)) return true;
    return false;
  }

  const SentenceSplitter& splitter_ = plan_.splitter;
  const bool valid_utf8_ = plan_.valid_utf8;
};

}  // namespace

std::vector<std::pair<std::size_t, HeaderRole>> plan_header(Plan& plan, std::size_t nonblank) {
  return Header(plan).run(nonblank);
}

}  // namespace jatei::seg
