// Quotations the text introduces (discourse.hpp: voiced_quotations): the words of an embedded
// social-media post above its footer (— 名前 (@handle) 日付), a paragraph right after a
// sentence that introduces someone's words (社長は次のように語った。, コメントの全文は以下の
// 通り。), a quotation the next sentence points back at (「…」。社長はそう語った。), and the
// paragraphs under a heading that names a statement (■社長 コメント). What they contain is
// reported, never the writer's fact; their source is the footer's name or the introducer's.
#include <algorithm>
#include <cctype>
#include <string>
#include <tuple>
#include <utility>

#include "claims/discourse.hpp"
#include "text/morph.hpp"
#include "jatei/text.hpp"

namespace jatei::claims {

bool post_footer(std::string_view n) {
  std::string_view v = n;
  while (!v.empty() && v[0] == ' ') v.remove_prefix(1);
  bool dash = v.starts_with("—") || v.starts_with("―") || v.starts_with("-") || v.starts_with("–") || v.starts_with("─");
  if (!dash) return false;
  std::size_t at = v.find("(@");
  if (at == std::string_view::npos) return false;
  std::size_t e = at + 2;
  while (e < v.size() && (std::isalnum(static_cast<unsigned char>(v[e])) || v[e] == '_')) ++e;
  return e > at + 2 && e < v.size() && v[e] == ')';
}

namespace {

// A sentence that is one quotation and nothing else: 「…」 or 「…」。
bool wholly_quoted(std::string_view n) {
  for (std::string_view end : {"。", " ", "　"})
    while (n.ends_with(end)) n.remove_suffix(end.size());
  if (!(n.starts_with("「") || n.starts_with("『"))) return false;
  int depth = 0;
  std::size_t i = 0;
  while (i < n.size()) {
    std::size_t len = 0;
    char32_t c = text::at(n, i, len);
    if (c == U'「' || c == U'『') ++depth;
    else if (c == U'」' || c == U'』') {
      if (--depth == 0) return i + len == n.size();
    }
    i += len ? len : 1;
  }
  return false;
}

// A paragraph that opens a quotation and leaves it open (「… with no closing 」 at its depth):
// the quotation goes on in the next paragraph.
bool opens_unclosed(std::string_view n) {
  if (!(n.starts_with("「") || n.starts_with("『"))) return false;
  int depth = 0;
  for (std::size_t i = 0; i < n.size();) {
    std::size_t len = 0;
    char32_t c = text::at(n, i, len);
    if (c == U'「' || c == U'『') ++depth;
    else if ((c == U'」' || c == U'』') && depth > 0) --depth;
    i += len ? len : 1;
  }
  return depth > 0;
}

// Whether a decision was made by a verb of saying that points back at words (そう話した).
bool points_back(const Decision& d) {
  if (d.category != Category::reported) return false;
  for (std::size_t k : d.decisive)
    if (k < d.hits.size() && d.hits[k].kind == "pointer") return true;
  return false;
}

// A line that is only a link (pic.twitter.com/…, https://…).
bool link_line(std::string_view n) {
  std::string_view v = n;
  while (!v.empty() && v[0] == ' ') v.remove_prefix(1);
  bool link = v.starts_with("pic.twitter.com/") || v.starts_with("http://") || v.starts_with("https://");
  return link && v.find(' ') == std::string_view::npos;
}

// A sentence that introduces the paragraph after it as someone's words: a verb of saying with
// こう/次のように/以下のように, or a statement noun with 以下の通り (コメントの全文は以下の通り).
bool introducer(std::string_view n, const Decision& d, const Lexicon& lex) {
  std::string_view v = n;
  while (!v.empty() && (v.back() == ' ')) v.remove_suffix(1);
  if (!v.ends_with("。") && !v.ends_with(":")) return false;
  constexpr auto npos = std::string_view::npos;
  bool manner = v.find("こう") != npos || v.find("次のように") != npos || v.find("以下のように") != npos;
  const std::string& h = d.predicate_head;
  bool saying = !h.empty() && (lex.word("speech", h) || lex.word("manner", h) || lex.word("hearing", h));
  if (manner && saying && v.find("「") == npos) return true;
  // A line that ends in a colon after a verb of saying (市長はこう述べた:) or after a noun of a
  // statement (組合長のあいさつ:, 社長コメント:) introduces the words after it too.
  if (v.ends_with(":") && v.find("「") == npos) {
    std::string_view head = v.substr(0, v.size() - 1);
    while (!head.empty() && head.back() == ' ') head.remove_suffix(1);
    if (saying || d.category == Category::reported) return true;
    // (a line that ends in a colon may be read as a speaker's label with nothing after it:
    // its last verb, read here, says whether it introduces words: 市長はこう述べた:)
    std::vector<text::Morph> morphs;
    text::analyse_morphs(head, morphs);
    for (std::size_t k = morphs.size(); k-- > 0;) {
      const text::Morph& m = morphs[k];
      if (m.pos == text::Pos::auxiliary || m.pos == text::Pos::particle) continue;
      if (m.pos == text::Pos::verb && (lex.word("speech", m.base) || lex.word("manner", m.base))) return true;
      if (m.pos == text::Pos::verb && m.base == "する" && k > 0 && morphs[k - 1].pos == text::Pos::noun &&
          lex.word("speech", std::string(morphs[k - 1].base) + "する"))
        return true;
      break;
    }
    for (auto* c : lex.of_kind("quotenoun"))
      if (head.ends_with(c->expression) && head.size() > c->expression.size()) return true;
  }
  bool list = v.find("以下の通り") != npos || v.find("次の通り") != npos || v.find("以下のとおり") != npos ||
              v.find("次のとおり") != npos;
  if (!list) return false;
  for (auto* c : lex.of_kind("quotenoun"))
    if (v.find(c->expression) != npos) return true;
  return false;
}

// The number a post of a thread carries at its start or its end (1/8 …, … (2/8)): {n, N}, or
// {0, 0} when it carries none.
std::pair<int, int> thread_number(std::string_view v) {
  auto number = [](std::string_view x, std::size_t& i) {
    int value = 0, digits = 0;
    while (i < x.size() && x[i] >= '0' && x[i] <= '9' && digits < 3) value = value * 10 + (x[i++] - '0'), ++digits;
    return digits ? value : -1;
  };
  auto fraction = [&](std::string_view x) -> std::pair<int, int> {
    std::size_t i = 0;
    int n = number(x, i);
    if (n < 1 || i >= x.size() || x[i] != '/') return {0, 0};
    ++i;
    int total = number(x, i);
    // (then a space, a bracket or the end: 1/8に is a date)
    std::string_view rest = x.substr(i);
    bool boundary = rest.empty() || rest[0] == ' ' || rest[0] == ')' || rest[0] == ']' || rest.starts_with("「") ||
                    rest.starts_with("】") || rest.starts_with("」");
    if (total < n || total < 2 || !boundary) return {0, 0};
    return {n, total};
  };
  auto mark = [](std::string_view x, bool front) {
    for (std::string_view m : {" ", "(", ")", "[", "]", "【", "】", "「", "」", "。"})
      if (front ? x.starts_with(m) : x.ends_with(m)) return m.size();
    return std::size_t{0};
  };
  while (std::size_t m = mark(v, true)) v.remove_prefix(m);
  while (std::size_t m = mark(v, false)) v.remove_suffix(m);
  if (auto f = fraction(v); f.first) return f;
  // At the end: after the last character that is not a digit or a slash.
  std::size_t cut = v.find_last_not_of("0123456789/");
  if (cut != std::string_view::npos && cut + 1 < v.size()) return fraction(v.substr(cut + 1));
  return {0, 0};
}

// The first sentence of the leaf that sentence k is in.
std::size_t leaf_start(const Pass& pass, std::size_t k) {
  while (k > 0 && pass.refs[k - 1].leaf == pass.refs[k].leaf) --k;
  return k;
}

// The words of an embedded post: the paragraph above its footer (and the links between them);
// when that paragraph is the last post of a numbered thread (8/8), the posts before it down to
// 1/8 too.
void embedded_posts(Pass& pass) {
  auto& refs = pass.refs;
  auto& decisions = pass.decisions;
  for (std::size_t k = 0; k < refs.size(); ++k) {
    if (!post_footer(pass.norms[k].text)) continue;
    decisions[k].category = Category::other;
    decisions[k].rule = "the footer of an embedded post";
    decisions[k].decisive.clear();
    std::size_t j = k;
    while (j > 0 && (refs[j - 1].leaf == refs[k].leaf || link_line(pass.norms[j - 1].text))) --j;
    if (j == 0) continue;
    const Leaf* post = refs[j - 1].leaf;
    while (j > 0 && refs[j - 1].leaf == post) {
      --j;
      if (decisions[j].category == Category::question) continue;
      pass.voice(j, k, "the words of an embedded post (its footer: " + refs[k].s->id + ")");
      decisions[j].rumour = true;
    }
    // j: the first sentence of the post. A numbered thread: each post before it carries the
    // number before, of the same total.
    std::size_t last = k;
    while (last > j && refs[last - 1].leaf != post) --last;
    auto [n, total] = thread_number(pass.norms[j].text);
    if (!n) std::tie(n, total) = thread_number(pass.norms[last - 1].text);
    while (n > 1 && j > 0) {
      while (j > 0 && link_line(pass.norms[j - 1].text)) --j;  // a photo link between two posts
      if (j == 0) break;
      std::size_t a = leaf_start(pass, j - 1);
      auto [pn, pt] = thread_number(pass.norms[a].text);
      if (!pn) std::tie(pn, pt) = thread_number(pass.norms[j - 1].text);
      if (pn != n - 1 || pt != total) break;
      for (std::size_t i = a; i < j; ++i) {
        if (decisions[i].category == Category::question || pass.voiced_by[i] >= 0) continue;
        pass.voice(i, k, "the words of a post of a numbered thread (" + std::to_string(pn) + "/" + std::to_string(pt) +
                             ", its footer: " + refs[k].s->id + ")");
        decisions[i].rumour = true;
      }
      j = a;
      n = pn;
    }
  }
}

// A numbered thread without a footer after it (or one the rule above did not reach): paragraphs
// numbered 1/N, 2/N, … in order, at least two of them, are posts (the sentence before the
// first one, which names whose thread it is, gives their source).
void numbered_threads(Pass& pass) {
  auto& refs = pass.refs;
  for (std::size_t k = 0; k < refs.size(); ++k) {
    if (k > 0 && refs[k - 1].leaf == refs[k].leaf) continue;
    auto [n, total] = thread_number(pass.norms[k].text);
    if (n != 1) continue;
    // The leaves of the run: [starts[i], starts[i + 1]).
    std::vector<std::size_t> starts{k};
    std::size_t j = k;
    int expect = 2;
    while (expect <= total) {
      std::size_t e = j;
      while (e < refs.size() && refs[e].leaf == refs[j].leaf) ++e;
      while (e < refs.size() && link_line(pass.norms[e].text)) ++e;
      if (e >= refs.size()) break;
      auto [pn, pt] = thread_number(pass.norms[e].text);
      if (pn != expect || pt != total) break;
      starts.push_back(e);
      j = e;
      ++expect;
    }
    if (starts.size() < 2) continue;
    std::size_t end = starts.back();
    while (end < refs.size() && refs[end].leaf == refs[starts.back()].leaf) ++end;
    std::size_t by = k > 0 ? k - 1 : k;
    for (std::size_t i = k; i < end; ++i) {
      if (pass.decisions[i].category == Category::question || pass.voiced_by[i] >= 0 || link_line(pass.norms[i].text))
        continue;
      pass.voice(i, by, "the words of a post of a numbered thread (1/" + std::to_string(total) + " …)");
      pass.decisions[i].rumour = true;
    }
    k = end - 1;
  }
}

// A paragraph right after a sentence that introduces it as someone's words.
void introduced_paragraphs(Pass& pass, const Lexicon& lex) {
  auto& refs = pass.refs;
  for (std::size_t k = 1; k < refs.size(); ++k) {
    const Ref& r = refs[k];
    if (refs[k - 1].leaf == r.leaf || r.block->kind != BlockKind::paragraph || pass.voiced_by[k] >= 0) continue;
    if (!introducer(pass.norms[k - 1].text, pass.decisions[k - 1], lex)) continue;
    for (std::size_t j = k; j < refs.size() && refs[j].leaf == r.leaf; ++j) {
      if (post_footer(pass.norms[j].text) || link_line(pass.norms[j].text)) break;
      if (pass.decisions[j].category == Category::question) continue;
      pass.voice(j, k - 1, "words the sentence before introduces as someone's (" + refs[k - 1].s->id + ")");
    }
  }
}

// Someone's words that open a quotation and leave it open (「… with no closing 」) go on in the
// next paragraph when it opens with 「 too: a quotation of several paragraphs opens each one and
// closes only the last. Those paragraphs are the same person's words.
void continued_quotations(Pass& pass) {
  auto& refs = pass.refs;
  for (std::size_t k = 0; k < refs.size();) {
    std::size_t e = k;
    std::string whole;
    while (e < refs.size() && refs[e].leaf == refs[k].leaf) whole += pass.norms[e++].text;
    std::ptrdiff_t by = pass.voiced_by[e - 1];
    bool go_on = by >= 0 && e < refs.size() && opens_unclosed(whole) &&
                 (refs[e].block->kind == BlockKind::paragraph || refs[e].block->kind == BlockKind::quote) &&
                 (pass.norms[e].text.starts_with("「") || pass.norms[e].text.starts_with("『"));
    if (go_on)
      for (std::size_t j = e; j < refs.size() && refs[j].leaf == refs[e].leaf; ++j) {
        if (pass.voiced_by[j] >= 0 || pass.decisions[j].category == Category::question) continue;
        pass.voice(j, static_cast<std::size_t>(by),
                   "a quotation that goes on from the paragraph before (" + refs[e - 1].s->id + ")");
      }
    k = e;
  }
}

// A quotation the next sentence points back at as someone's words (「…」。社長はそう語った。).
void pointed_back(Pass& pass) {
  auto& refs = pass.refs;
  for (std::size_t k = 0; k + 1 < refs.size(); ++k) {
    if (pass.voiced_by[k] >= 0 || !wholly_quoted(pass.norms[k].text) || !points_back(pass.decisions[k + 1])) continue;
    BlockKind next = refs[k + 1].block->kind;
    if (next != BlockKind::paragraph && next != BlockKind::quote) continue;
    if (pass.decisions[k].category == Category::question) continue;
    pass.voice(k, k + 1, "words the sentence after points back at as someone's (" + refs[k + 1].s->id + ")");
  }
}

// A heading-like line of at most 24 characters that is a person's name (and role), no verb,
// adjective or auxiliary: 【南港・佐々木HC】, ◇中村翔太選手.
bool person_heading(std::string_view n) {
  if (text::length(n) > 24) return false;
  std::vector<text::Morph> morphs;
  text::analyse_morphs(n, morphs);
  bool person = false;
  for (const text::Morph& m : morphs) {
    if (m.pos == text::Pos::verb || m.pos == text::Pos::adjective || m.pos == text::Pos::auxiliary) return false;
    if (m.pos1 == "固有名詞" && m.pos2 == "人名") person = true;
  }
  return person;
}

// A heading that names someone's statement (■代表取締役CEO 久保田 誠 コメント, （ご参考１）社長
// 真壁恭子のコメント: a person's name, then コメント, 談話, 声明), and inside such a section a
// heading that is only a person's name and role (【南港・佐々木HC】, ◇中村翔太選手).
struct Statements {
  const Pass& pass;
  const Lexicon& lex;

  bool alone(std::size_t k) const {
    const auto& refs = pass.refs;
    return (k == 0 || refs[k - 1].leaf != refs[k].leaf) && (k + 1 == refs.size() || refs[k + 1].leaf != refs[k].leaf);
  }
  bool heading_like(std::size_t k) const {
    std::string_view v = pass.norms[k].text;
    return alone(k) && v.find("。") == std::string_view::npos && text::length(v) <= 60;
  }
  bool names_person(std::size_t k) const { return heading_like(k) && person_heading(pass.norms[k].text); }
  // The heading holds a person's name (■代表取締役CEO 久保田 誠 コメント).
  bool names_its_person(std::size_t k) const {
    std::vector<text::Morph> morphs;
    text::analyse_morphs(pass.norms[k].text, morphs);
    return std::any_of(morphs.begin(), morphs.end(),
                       [](const text::Morph& m) { return m.pos1 == "固有名詞" && m.pos2 == "人名"; });
  }
  bool names_statement(std::size_t k) const {
    if (!heading_like(k)) return false;
    const auto& refs = pass.refs;
    std::string_view v = pass.norms[k].text;
    bool trimmed = true;
    while (trimmed && !v.empty()) {
      trimmed = false;
      for (std::string_view m : {" ", ":", "】", ")", "]", "」", ">"})
        if (v.ends_with(m)) v.remove_suffix(m.size()), trimmed = true;
    }
    bool statement = false;
    for (auto* c : lex.of_kind("quotenoun"))
      if (c->expression != "回答" && c->expression != "投稿" && v.ends_with(c->expression) && v.size() > c->expression.size())
        statement = true;
    if (!statement) return false;
    // It names the person (質問者からのお礼コメント introduces a participant's own turn), or it
    // heads a section of several people's words (試合後の主なコメント) in prose, not in turns,
    // where a person's name or a person's quoted words come next.
    if (names_its_person(k)) return true;
    return k + 1 < refs.size() && !refs[k + 1].turn->spoken() && !refs[k].turn->spoken() &&
           (names_person(k + 1) || pass.decisions[k + 1].category == Category::reported);
  }
};

// Whether sentence j stands in a leaf that is one quotation (「…」, its sentences inside it).
bool quoted_leaf(const Pass& pass, std::size_t j) {
  std::size_t a = leaf_start(pass, j), e = a;
  std::string whole;
  while (e < pass.refs.size() && pass.refs[e].leaf == pass.refs[a].leaf) whole += pass.norms[e++].text;
  return wholly_quoted(whole);
}

// The paragraphs under a heading that names a statement, up to the next heading or
// heading-like line (at most three), are that person's words.
void statement_sections(Pass& pass, const Lexicon& lex) {
  auto& refs = pass.refs;
  Statements st{pass, lex};
  for (std::size_t k = 0; k + 1 < refs.size(); ++k) {
    if (!st.names_statement(k)) continue;
    const Leaf* current = nullptr;
    int leaves = 0, people = 0;  // people: a name heading, or words said with the name before them
    bool after_name = false;
    std::vector<std::pair<std::size_t, std::size_t>> words;  // the sentences of the section, and whose
    std::size_t by = k;  // the name line above them, or the heading
    for (std::size_t j = k + 1; j < refs.size(); ++j) {
      if (refs[j].leaf != current) {
        current = refs[j].leaf;
        if (st.names_person(j) && !refs[j].turn->spoken()) {
          leaves = 0;  // the next person's words follow
          ++people;
          after_name = true;
          by = j;
          continue;
        }
        // (a person's words without a full stop, 山田HC「…」, are no heading)
        bool said = pass.decisions[j].category == Category::reported || quoted_leaf(pass, j);
        if (said && !after_name && pass.decisions[j].category == Category::reported) ++people;
        after_name = false;
        if (++leaves > 3 || (st.heading_like(j) && !said) || refs[j].block->kind == BlockKind::head ||
            (refs[j].block->kind != BlockKind::paragraph && refs[j].block->kind != BlockKind::quote))
          break;
      }
      if (refs[j].leaf == current && leaves == 0) continue;  // the person heading itself
      if (pass.voiced_by[j] >= 0) continue;
      if (pass.decisions[j].category == Category::question) continue;
      words.push_back({j, by});
    }
    // A heading that names the person (■社長 山田太郎 コメント), or a section of several people's
    // words (試合後の主なコメント, a name over each), attributes what follows. Under a heading
    // that names no one, with one person's name or byline under it (担当者コメント / a byline),
    // only words the page sets off as quoted are someone else's (a quotation block, a paragraph
    // wholly in brackets); a plain paragraph there is that person writing in his own voice.
    const bool attributed = st.names_its_person(k) || people >= 2;
    for (auto [j, name] : words) {
      if (!attributed && refs[j].block->kind != BlockKind::quote && !quoted_leaf(pass, j)) continue;
      if (name != k) pass.voice(j, name, "words under a name line (" + refs[name].s->id + ") in a statement section (" + refs[k].s->id + ")");
      else pass.voice(j, k, "words under a heading that names a statement (" + refs[k].s->id + ")");
    }
  }
}

}  // namespace

// What each pass above (and introduced_blocks) looks at across a leaf's start, at the first
// sentence-bearing leaf of a division (`first`, its sentences normalised, in a block of `kind`):
//   a quotation block or a paragraph: the sentence before may introduce it, or it may point back
//     at the sentence before (introduced_blocks, introduced_paragraphs, pointed_back);
//   a link line or a post's footer: the post above it, or a thread's posts before (embedded_posts);
//   a thread's number (2/8): the posts before and after it (embedded_posts, numbered_threads);
//   a person's name alone: the next person's words under a statement heading (statement_sections;
//     any other kind of block ends such a section);
//   a heading that may ask: the heading before it makes both an FAQ's questions (faq_headings).
// None of these: no pass reaches from the sentences before the division into it or back.
bool may_ask(std::string_view n) {
  while (!n.empty() && (n.back() == ' ' || n.back() == '!')) n.remove_suffix(1);
  if (n.ends_with("。")) n.remove_suffix(3);
  return n.ends_with("?") || n.ends_with("か");
}

bool starts_apart(BlockKind kind, const std::vector<Normalised>& first) {
  if (first.empty() || kind == BlockKind::paragraph || kind == BlockKind::quote) return false;
  // an FAQ's question (faq_headings looks at the heading before it)
  if (kind == BlockKind::head && may_ask(first.back().text)) return false;
  for (const Normalised& n : first)
    if (post_footer(n.text) || link_line(n.text)) return false;
  if (thread_number(first.front().text).first || thread_number(first.back().text).first) return false;
  const std::string_view v = first.front().text;
  bool heading_like = first.size() == 1 && v.find("。") == std::string_view::npos && text::length(v) <= 60;
  return !(heading_like && person_heading(v));
}

// A line quoted with > (a Markdown blockquote, a post quoted in a forum reply: ＞期待しすぎない
// ほうがいい): someone else's words, whoever they are; in a quotation block, with the sentences
// after it. >>4 (an anchor to a post) and > before a number quote nothing.
void marked_lines(Pass& pass) {
  auto& refs = pass.refs;
  for (std::size_t k = 0; k < refs.size(); ++k) {
    std::string_view n = pass.norms[k].text;
    while (n.starts_with(" ")) n.remove_prefix(1);
    if (!n.starts_with(">")) continue;
    std::string_view rest = n.substr(1);
    while (rest.starts_with(" ")) rest.remove_prefix(1);
    if (rest.empty() || rest[0] == '>' || (rest[0] >= '0' && rest[0] <= '9')) continue;
    std::size_t j = k;
    for (; j < refs.size() && refs[j].leaf == refs[k].leaf; ++j) {
      if (j > k && refs[j].block->kind != BlockKind::quote) break;
      if (post_footer(pass.norms[j].text) || link_line(pass.norms[j].text)) break;
      if (pass.voiced_by[j] >= 0 || pass.decisions[j].category == Category::question) continue;
      Decision& d = pass.decisions[j];
      d.category = Category::reported;
      d.rule = "a line quoted with > (a blockquote, a post quoted in a reply): someone else's words";
      d.decisive.clear();
    }
    k = j - 1;
  }
}

// A list item of several sentences whose last one says they were someone's (・費用は高すぎる。
// 見直すべきだとの意見があった。: minutes' 主な意見 lists): a hearsay noun as its subject, the
// quoted content not bracketed, so that what the noun reports runs back over the item. The
// earlier sentences of the item are voiced by it (a question or a sentence already someone's
// stays as it is).
void attributed_items(Pass& pass) {
  auto& refs = pass.refs;
  for (std::size_t k = 1; k < refs.size(); ++k) {
    if (refs[k].block->kind != BlockKind::list || refs[k - 1].leaf != refs[k].leaf) continue;
    if (k + 1 < refs.size() && refs[k + 1].leaf == refs[k].leaf) continue;  // not the item's last
    const Decision& d = pass.decisions[k];
    if (d.category != Category::reported) continue;
    std::string_view n = pass.norms[k].text;
    if (!said_by_a_noun(d) || n.find("「") != std::string_view::npos || n.find("『") != std::string_view::npos) continue;
    for (std::size_t j = k; j > 0 && refs[j - 1].leaf == refs[k].leaf; --j) {
      Category c = pass.decisions[j - 1].category;
      if (pass.voiced_by[j - 1] >= 0 || c == Category::question || c == Category::reported || c == Category::other) continue;
      pass.voice(j - 1, k, "an earlier sentence of a list item whose last sentence reports it (…との意見があった)");
    }
  }
}

void voiced_quotations(Pass& pass, const Lexicon& lex) {
  marked_lines(pass);
  attributed_items(pass);
  embedded_posts(pass);
  numbered_threads(pass);
  introduced_paragraphs(pass, lex);
  continued_quotations(pass);
  pointed_back(pass);
  statement_sections(pass, lex);
}

}  // namespace jatei::claims
