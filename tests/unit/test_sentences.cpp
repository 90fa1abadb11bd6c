// Unit tests for jatei::split_sentences: one line in, sentence byte ranges out.
// The cases are this project's own (not taken from ../shared/external).
#define BOOST_TEST_MODULE sentences
#include <boost/test/unit_test.hpp>

#include <chrono>
#include <string>
#include <vector>

#include "jatei/segment.hpp"
#include "jatei/utf8.hpp"

using jatei::Range;
using jatei::Rules;

namespace {

std::vector<std::string> split(const std::string& line, const Rules& rules = Rules::builtin()) {
  std::vector<std::string> out;
  for (auto [b, e] : jatei::split_sentences(line, rules)) out.push_back(line.substr(b, e - b));
  return out;
}

std::string show(const std::vector<std::string>& v) {
  std::string s;
  for (auto& x : v) s += "[" + x + "]";
  return s;
}

bool is_space_at_start(std::string_view s) {
  std::size_t len = 0;
  return !s.empty() && jatei::is_space(jatei::utf8::decode(s, 0, len));
}
bool is_space_at_end(std::string_view s) {
  std::size_t len = 0;
  return !s.empty() && jatei::is_space(jatei::utf8::decode_before(s, s.size(), len));
}
bool all_space(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    std::size_t len = 0;
    if (!jatei::is_space(jatei::utf8::decode(s, i, len))) return false;
    i += len;
  }
  return true;
}

// Ranges are ordered, disjoint, non-empty, on character boundaries, without surrounding
// whitespace, and only whitespace lies between and around them.
void check_ranges(const std::string& line, const std::vector<Range>& ranges) {
  std::size_t prev = 0;
  for (auto [b, e] : ranges) {
    BOOST_TEST(b < e);
    BOOST_TEST(b >= prev);
    BOOST_TEST(e <= line.size());
    BOOST_TEST(all_space(std::string_view(line).substr(prev, b - prev)), "non-space outside sentences in [" << line << "]");
    std::string_view s = std::string_view(line).substr(b, e - b);
    BOOST_TEST(!is_space_at_start(s));
    BOOST_TEST(!is_space_at_end(s));
    BOOST_TEST(jatei::utf8_invalid_offset(s) == static_cast<std::size_t>(-1));
    prev = e;
  }
  BOOST_TEST(all_space(std::string_view(line).substr(prev)), "non-space after the last sentence in [" << line << "]");
}

struct Case {
  const char* line;
  std::vector<std::string> expected;
};

// clang-format off
const std::vector<Case> kCases = {
  // Terminators and their runs.
  {"今日は晴れ。明日は雨。", {"今日は晴れ。", "明日は雨。"}},
  {"本当に？信じられない！", {"本当に？", "信じられない！"}},
  {"えっ!?そんな…。", {"えっ!?", "そんな…。"}},
  {"すごい!!最高!!", {"すごい!!", "最高!!"}},
  {"待って．ちょっと．", {"待って．", "ちょっと．"}},
  {"えーと……まあいいか。", {"えーと……", "まあいいか。"}},
  {"何それ？！ありえない。", {"何それ？！", "ありえない。"}},
  {"本当？！マジで！？", {"本当？！", "マジで！？"}},
  {"え？ええ？そうなの。", {"え？", "ええ？", "そうなの。"}},
  {"あ。い。う。え。お。", {"あ。", "い。", "う。", "え。", "お。"}},
  {"？？？", {"？？？"}},
  {"。。。", {"。。。"}},
  {"疲れた…。寝る。", {"疲れた…。", "寝る。"}},
  {"そうですね‥。はい。", {"そうですね‥。", "はい。"}},
  {"終わり…", {"終わり…"}},
  {"Wow!! Amazing!!! Great.", {"Wow!!", "Amazing!!!", "Great."}},
  {"Is it true? Yes! Really.", {"Is it true?", "Yes!", "Really."}},
  // Closing brackets go with the terminator before them.
  {"終わった。」次が始まる。", {"終わった。」", "次が始まる。"}},
  {"すごい！）それで。", {"すごい！）", "それで。"}},
  {"行くよ！」「うん。」", {"行くよ！」", "「うん。」"}},
  {"はい。」", {"はい。」"}},
  // No split inside brackets.
  {"彼は「もう帰る。」と言った。", {"彼は「もう帰る。」と言った。"}},
  {"彼女は（たぶん。）来る。", {"彼女は（たぶん。）来る。"}},
  {"【速報。詳しくは後で】記事本文。", {"【速報。詳しくは後で】記事本文。"}},
  {"《注意！危険》ここから入らないで。", {"《注意！危険》ここから入らないで。"}},
  {"彼は（「はい。」と言って）去った。", {"彼は（「はい。」と言って）去った。"}},
  {"（注：これは例です。詳細は後述。）", {"（注：これは例です。詳細は後述。）"}},
  {"「「二重の」括弧」です。終わり。", {"「「二重の」括弧」です。", "終わり。"}},
  {"『名作。傑作。』を読んだ。感動した。", {"『名作。傑作。』を読んだ。", "感動した。"}},
  {"関数f(x. y)を使う。次。", {"関数f(x. y)を使う。", "次。"}},
  {"「はい。」", {"「はい。」"}},
  {"「」空の括弧。次。", {"「」空の括弧。", "次。"}},
  // A bracketed sentence of its own.
  {"（これは補足です。）次の文。", {"（これは補足です。）", "次の文。"}},
  {"(これも補足。)ここで終わり。", {"(これも補足。)", "ここで終わり。"}},
  {"彼は言った。「行こう。」", {"彼は言った。", "「行こう。」"}},
  // Unbalanced brackets do not swallow the line.
  {"「閉じない括弧。次の文。最後の文。", {"「閉じない括弧。", "次の文。", "最後の文。"}},
  {"（閉じない丸括弧。次。", {"（閉じない丸括弧。", "次。"}},
  {"『開いたまま。閉じない。", {"『開いたまま。", "閉じない。"}},
  // Quotative continuations.
  {"「ありがとう！」と笑った。", {"「ありがとう！」と笑った。"}},
  {"「本当に？」って聞かれた。", {"「本当に？」って聞かれた。"}},
  {"「やった！」という声が聞こえた。", {"「やった！」という声が聞こえた。"}},
  {"「なぜ？」です。", {"「なぜ？」です。"}},
  {"そうなの？って思った。", {"そうなの？って思った。"}},
  {"やめて！という声。", {"やめて！という声。"}},
  {"明日は雨？です。", {"明日は雨？です。"}},
  {"え、マジ？って感じ。", {"え、マジ？って感じ。"}},
  {"すごい！って言われた。うれしい。", {"すごい！って言われた。", "うれしい。"}},
  {"なんで？なんて言わないで。", {"なんで？なんて言わないで。"}},
  {"私は「本当？」と聞き返した。違った。", {"私は「本当？」と聞き返した。", "違った。"}},
  // Sentence starters after a terminator begin a new sentence even though they start like
  // a continuation (と…, です…).
  {"雨が降った。ところが試合は続いた。", {"雨が降った。", "ところが試合は続いた。"}},
  {"高いです。ですが買います。", {"高いです。", "ですが買います。"}},
  {"行った。とにかく疲れた。", {"行った。", "とにかく疲れた。"}},
  {"高かった。とても驚いた。", {"高かった。", "とても驚いた。"}},
  {"終わった。というわけで解散。", {"終わった。", "というわけで解散。"}},
  // Periods inside numbers, names and URLs.
  {"円周率は3.14です。次へ。", {"円周率は3.14です。", "次へ。"}},
  {"価格は2.5倍になった。高い。", {"価格は2.5倍になった。", "高い。"}},
  {"No.1を目指す。頑張る。", {"No.1を目指す。", "頑張る。"}},
  {"詳細はexample.comを参照。以上。", {"詳細はexample.comを参照。", "以上。"}},
  // A domain or a file whose name is Japanese: the period is inside the name.
  {"一休.comで予約した。満足。", {"一休.comで予約した。", "満足。"}},
  {"価格.comの評価は4.5だった。高い。", {"価格.comの評価は4.5だった。", "高い。"}},
  {"楽天.co.jpで買った。届いた。", {"楽天.co.jpで買った。", "届いた。"}},
  {"詳しくは報告書.pdfを見て。以上。", {"詳しくは報告書.pdfを見て。", "以上。"}},
  {"サイトは価格.com。次。", {"サイトは価格.com。", "次。"}},
  // Not a domain: a capital or a long word after the period, or a space before it.
  {"これで終わり.Next。", {"これで終わり.", "Next。"}},
  {"これで終わり.abcdefgh。", {"これで終わり.", "abcdefgh。"}},
  {"それは1.5%の増加だ。減少ではない。", {"それは1.5%の増加だ。", "減少ではない。"}},
  {"１．５倍になった。すごい。", {"１．５倍になった。", "すごい。"}},
  {"ver.2.0が出た。更新して。", {"ver.2.0が出た。", "更新して。"}},
  {"第2.1版。改訂した。", {"第2.1版。", "改訂した。"}},
  {"It costs $1.99. Cheap!", {"It costs $1.99.", "Cheap!"}},
  {"3.5 million people. Big number.", {"3.5 million people.", "Big number."}},
  {"https://example.com/a.b?x=1&y=2 を見て。次。", {"https://example.com/a.b?x=1&y=2 を見て。", "次。"}},
  {"URLはhttp://www.foo.co.jp/?q=あ です。確認。", {"URLはhttp://www.foo.co.jp/?q=あ です。", "確認。"}},
  {"見て→http://a.jp/x.html。次。", {"見て→http://a.jp/x.html。", "次。"}},
  {"https://example.com/path?q=1. 次の文。", {"https://example.com/path?q=1.", "次の文。"}},
  {"www.example.co.jp。次。", {"www.example.co.jp。", "次。"}},
  {"メールはinfo@example.comまで。以上。", {"メールはinfo@example.comまで。", "以上。"}},
  {"モーニング娘。が好きだ。本当に。", {"モーニング娘。が好きだ。", "本当に。"}},
  {"Yahoo!で検索した。見つかった。", {"Yahoo!で検索した。", "見つかった。"}},
  // Abbreviations.
  {"Dr. Smith arrived. He sat down.", {"Dr. Smith arrived.", "He sat down."}},
  {"Mr. Tanaka came. We talked.", {"Mr. Tanaka came.", "We talked."}},
  {"Hello world. This is a test.", {"Hello world.", "This is a test."}},
  // Emoji and kaomoji endings.
  {"今日は楽しかった😊明日も頑張る。", {"今日は楽しかった😊", "明日も頑張る。"}},
  {"最高🎉🎉みんなありがとう。", {"最高🎉🎉", "みんなありがとう。"}},
  {"家族👨‍👩‍👧で出かけた。楽しかった。", {"家族👨‍👩‍👧で出かけた。", "楽しかった。"}},
  {"いいね👍🏽次も行こう。", {"いいね👍🏽", "次も行こう。"}},
  {"ありがとう❤️またね。", {"ありがとう❤️", "またね。"}},
  {"嬉しい😭😭😭また会おう。", {"嬉しい😭😭😭", "また会おう。"}},
  {"👍これから始まる文。終わり。", {"👍これから始まる文。", "終わり。"}},
  {"最高🍣を食べた。", {"最高🍣を食べた。"}},
  // A noun, an emoji, then the copula or する: one clause ([emoji-predicate]); after an
  // inflected word the emoji still ends the sentence.
  {"家族で旅行👨‍👩‍👧‍👦しました！最高🏳️‍🌈でした。👍🏽", {"家族で旅行👨‍👩‍👧‍👦しました！", "最高🏳️‍🌈でした。👍🏽"}},
  {"週末はキャンプ⛺だった。", {"週末はキャンプ⛺だった。"}},
  {"楽しかった😊してよかった。", {"楽しかった😊", "してよかった。"}},
  {"最高🎉しかし疲れた。", {"最高🎉", "しかし疲れた。"}},
  {"やったー(^o^)次も頑張る。", {"やったー(^o^)", "次も頑張る。"}},
  {"ひどい(´；ω；｀)泣いた。", {"ひどい(´；ω；｀)", "泣いた。"}},
  {"よろしく(｀・ω・´)ゞ次へ。", {"よろしく(｀・ω・´)ゞ", "次へ。"}},
  {"ありがとう^^また来てね。", {"ありがとう^^", "また来てね。"}},
  // (笑) and friends.
  {"ラーメンうまい(笑)また行く。", {"ラーメンうまい(笑)", "また行く。"}},
  {"疲れた（笑）寝る。", {"疲れた（笑）", "寝る。"}},
  {"それな(汗)次。", {"それな(汗)", "次。"}},
  {"知らんけど（爆笑）", {"知らんけど（爆笑）"}},
  {"（笑）から始まる。次。", {"（笑）から始まる。", "次。"}},
  {"すごい。(笑)次。", {"すごい。(笑)", "次。"}},
  // Symbols.
  {"今日も元気☆明日も元気。", {"今日も元気☆", "明日も元気。"}},
  {"楽しい♪歌おう。", {"楽しい♪", "歌おう。"}},
  {"行ってきます♪♪", {"行ってきます♪♪"}},
  // stars that rate (filled and hollow mixed, or a number after them) end nothing; stars of one
  // kind before words still do
  {"総合評価 ★★★★☆ 4.1（口コミ 128件）", {"総合評価 ★★★★☆ 4.1（口コミ 128件）"}},
  {"評価：☆3つです。", {"評価：☆3つです。"}},
  {"おすすめ度 ★★★　３点。とても良い。", {"おすすめ度 ★★★　３点。", "とても良い。"}},
  {"味は★★★☆☆でした。また来ます。", {"味は★★★☆☆でした。", "また来ます。"}},
  {"最高でした★★次も行きます。", {"最高でした★★", "次も行きます。"}},
  {"嬉しい★また明日。", {"嬉しい★", "また明日。"}},
  // w.
  {"ワロタw次いこう。", {"ワロタw", "次いこう。"}},
  {"草ｗｗｗ明日ね。", {"草ｗｗｗ", "明日ね。"}},
  {"すごい！！！ww", {"すごい！！！ww"}},
  {"本当？ｗｗｗ次は行く。", {"本当？ｗｗｗ", "次は行く。"}},
  {"終わった。www", {"終わった。www"}},
  {"すごい! wow!", {"すごい!", "wow!"}},
  {"マジかw", {"マジかw"}},
  {"wwwは笑いの意味。", {"wwwは笑いの意味。"}},
  // Whitespace outside sentences.
  {"  前に空白がある。後ろにも空白。  ", {"前に空白がある。", "後ろにも空白。"}},
  {"　全角空白で始まる。　全角空白の後。　", {"全角空白で始まる。", "全角空白の後。"}},
  {"\t タブと空白。\t", {"タブと空白。"}},
  {"タブ\tの後。次。", {"タブ\tの後。", "次。"}},
  {"文がひとつもない", {"文がひとつもない"}},
  {"   ", {}},
  {"　　", {}},
  {"", {}},
};
// clang-format on

}  // namespace

BOOST_AUTO_TEST_CASE(table_of_cases) {
  std::size_t n = 0;
  for (auto& c : kCases) {
    std::string line = c.line;
    auto got = split(line);
    BOOST_TEST(show(got) == show(c.expected), "line: " << line);
    check_ranges(line, jatei::split_sentences(line, Rules::builtin()));
    ++n;
  }
  BOOST_TEST(n >= 60u);
}

BOOST_AUTO_TEST_CASE(known_valid_utf8_splits_the_same) {
  // Told the line is well-formed UTF-8, the splitter may step over kana and kanji 32 bytes at
  // a time: every case of the table, and lines made of several of them (so that brackets,
  // faces, URLs and protected names fall across the 32-byte steps), split the same either way.
  jatei::SentenceSplitter splitter(Rules::builtin());
  auto both = [&](const std::string& line) {
    std::vector<Range> plain, fast;
    splitter.split(line, plain, false);
    splitter.split(line, fast, true);
    BOOST_TEST((plain == fast), "line: " << line);
  };
  std::vector<std::string> lines;
  for (auto& c : kCases) lines.push_back(c.line);
  std::size_t n = lines.size();
  for (std::size_t k = 0; k < n; ++k) {
    std::string joined;
    for (std::size_t j = 0; j < 1 + k % 7; ++j) joined += lines[(k * 7 + j * 13) % n] + (j % 2 ? "あいうえおかきくけこ" : "漢字の続くところ");
    lines.push_back(joined);
  }
  for (auto& line : lines) both(line);
  BOOST_TEST(lines.size() >= 120u);
}

BOOST_AUTO_TEST_CASE(ranges_exclude_surrounding_whitespace) {
  std::string line = "  一文目。 \t二文目。　　三文目  ";
  auto r = jatei::split_sentences(line, Rules::builtin());
  BOOST_REQUIRE(r.size() == 3u);
  BOOST_TEST(r[0].first == 2u);
  BOOST_TEST(line.substr(r[0].first, r[0].second - r[0].first) == "一文目。");
  BOOST_TEST(line.substr(r[1].first, r[1].second - r[1].first) == "二文目。");
  BOOST_TEST(line.substr(r[2].first, r[2].second - r[2].first) == "三文目");
  BOOST_TEST(r[2].second == line.size() - 2);
  check_ranges(line, r);
}

BOOST_AUTO_TEST_CASE(inner_whitespace_stays_inside) {
  auto got = split("Hello   world 　です。");
  BOOST_TEST(show(got) == show({"Hello   world 　です。"}));
}

BOOST_AUTO_TEST_CASE(five_thousand_unmatched_brackets_do_not_swallow_the_line) {
  std::string opens;
  for (int i = 0; i < 5000; ++i) opens += "「";
  std::string line = opens + "これは文。次の文。最後の文！";
  auto got = split(line);
  BOOST_REQUIRE(got.size() == 3u);
  BOOST_TEST(got[0] == opens + "これは文。");
  BOOST_TEST(got[1] == "次の文。");
  BOOST_TEST(got[2] == "最後の文！");
  // Interleaved: an unmatched opener before every sentence.
  std::string inter;
  for (int i = 0; i < 5000; ++i) inter += "「文。";
  auto r = jatei::split_sentences(inter, Rules::builtin());
  BOOST_TEST(r.size() == 5000u);
  check_ranges(inter, r);
}

BOOST_AUTO_TEST_CASE(unmatched_closers) {
  std::string line;
  for (int i = 0; i < 1000; ++i) line += "」";
  line += "文です。次です。";
  auto got = split(line);
  BOOST_REQUIRE(got.size() == 2u);
  BOOST_TEST(got[1] == "次です。");
}

BOOST_AUTO_TEST_CASE(four_million_characters_without_terminator) {
  std::string line;
  line.reserve(12'000'000);
  const char* kana[] = {"あ", "い", "う", "漢", "字"};
  for (std::size_t i = 0; i < 4'000'000; ++i) line += kana[i % 5];
  auto t0 = std::chrono::steady_clock::now();
  auto r = jatei::split_sentences(line, Rules::builtin());
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  BOOST_REQUIRE(r.size() == 1u);
  BOOST_TEST(r[0].first == 0u);
  BOOST_TEST(r[0].second == line.size());
  BOOST_TEST(secs < 10.0, "took " << secs << " s");
  BOOST_TEST_MESSAGE("4M characters split in " << secs << " s");
}

BOOST_AUTO_TEST_CASE(long_line_with_many_sentences_is_linear) {
  std::string line;
  for (int i = 0; i < 200000; ++i) line += "これは文です。";
  auto t0 = std::chrono::steady_clock::now();
  auto r = jatei::split_sentences(line, Rules::builtin());
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  BOOST_TEST(r.size() == 200000u);
  BOOST_TEST(secs < 10.0, "took " << secs << " s");
}

BOOST_AUTO_TEST_CASE(deeply_nested_brackets) {
  std::string line;
  for (int i = 0; i < 3000; ++i) line += "（";
  line += "中。";
  for (int i = 0; i < 3000; ++i) line += "）";
  line += "外。次。";
  auto got = split(line);
  BOOST_REQUIRE(got.size() == 2u);
  BOOST_TEST(got[1] == "次。");
}

BOOST_AUTO_TEST_CASE(rules_decide_continuations) {
  // Without the continuation list, 」と splits; the rules object is what the splitter reads.
  Rules bare = Rules::parse("[abbreviation]\nDr\n", "bare");
  BOOST_TEST(show(split("「はい！」と言った。", bare)) == show({"「はい！」と言った。"}));  // inside brackets
  BOOST_TEST(show(split("はい！と言った。", bare)) == show({"はい！", "と言った。"}));
  BOOST_TEST(show(split("はい！と言った。")) == show({"はい！と言った。"}));
  // A user's own continuation.
  Rules extra = Rules::parse("[sentence-continuation]\nだって\n", "extra");
  BOOST_TEST(show(split("本当？だってさ。", extra)) == show({"本当？だってさ。"}));
  // A user's own symbol terminator.
  BOOST_TEST(show(split("楽しい♣次。", bare)) == show({"楽しい♣次。"}));
  Rules sym = Rules::parse("[symbol-terminator]\n♣\n", "sym");
  BOOST_TEST(show(split("楽しい♣次。", sym)) == show({"楽しい♣", "次。"}));
}

BOOST_AUTO_TEST_CASE(protected_names_from_a_rules_file) {
  // A name that starts with an emoji (above U+FFFF) and one that repeats: each match starts
  // after the previous one ends, so the third あ！ of あ！あ！あ！ is an ending again.
  Rules prot = Rules::parse("[protected]\n🐙タコ！\nあ！あ！\n", "prot");
  BOOST_TEST(show(split("今日は🐙タコ！の話。次。", prot)) == show({"今日は🐙タコ！の話。", "次。"}));
  BOOST_TEST(show(split("今日は🐙タコ！の話。次。")) != show({"今日は🐙タコ！の話。", "次。"}));
  BOOST_TEST(show(split("あ！あ！で終わり。", prot)) == show({"あ！あ！で終わり。"}));
  BOOST_TEST(show(split("あ！あ！あ！で終わり。", prot)) == show({"あ！あ！あ！", "で終わり。"}));
  // A URL protects its whole extent, wherever the line has one.
  BOOST_TEST(show(split("前。www.a.jp/x!y。後。", prot)) == show({"前。", "www.a.jp/x!y。", "後。"}));
}

BOOST_AUTO_TEST_CASE(invalid_utf8_in_a_line_does_not_crash) {
  std::string line = "壊れた\xFF文。次\xE3\x81。";
  auto r = jatei::split_sentences(line, Rules::builtin());
  BOOST_TEST(!r.empty());
  for (auto [b, e] : r) {
    BOOST_TEST(b < e);
    BOOST_TEST(e <= line.size());
  }
}

BOOST_AUTO_TEST_CASE(is_space_classification) {
  BOOST_TEST(jatei::is_space(U' '));
  BOOST_TEST(jatei::is_space(U'\t'));
  BOOST_TEST(jatei::is_space(U'\u3000'));
  BOOST_TEST(jatei::is_space(U'\u00A0'));
  BOOST_TEST(!jatei::is_space(U'a'));
  BOOST_TEST(!jatei::is_space(U'あ'));
  BOOST_TEST(!jatei::is_space(U'\n'));
}

BOOST_AUTO_TEST_CASE(a_letter_that_labels_the_line_does_not_end_a_sentence) {
  // Ｑ．/Ａ． (full-width) label an FAQ's question and answer, as Q./A. do.
  BOOST_TEST(show(split("Ｑ．片頭痛は遺伝しますか？")) == "[Ｑ．片頭痛は遺伝しますか？]");
  BOOST_TEST(show(split("Ａ．体質は遺伝します。でも必ずではありません。")) == "[Ａ．体質は遺伝します。][でも必ずではありません。]");
  BOOST_TEST(show(split("Q1. どうすればいいですか？")) == "[Q1. どうすればいいですか？]");
  BOOST_TEST(show(split("Ｑ２．登記簿はどう確かめますか。")) == "[Ｑ２．登記簿はどう確かめますか。]");
  // A word before the full stop still ends its sentence.
  BOOST_TEST(show(split("以上です．次に進みます．")) == "[以上です．][次に進みます．]");
}

BOOST_AUTO_TEST_CASE(a_number_after_a_section_mark_labels_the_line) {
  // ■１．, ◆ 2. , ●3． number a heading behind its mark, as 1. and ### 1. do: no sentence ends there.
  BOOST_TEST(show(split("■１．年末大売り出しのお知らせ")) == "[■１．年末大売り出しのお知らせ]");
  BOOST_TEST(show(split("◆ 2. 会場と日時")) == "[◆ 2. 会場と日時]");
  BOOST_TEST(show(split("●3．申し込み方法")) == "[●3．申し込み方法]");
  // A word between the mark and the stop still ends its sentence; so does a mark alone.
  BOOST_TEST(show(split("■締め切りは明日．遅れないこと．")) == "[■締め切りは明日．][遅れないこと．]");
  BOOST_TEST(show(split("■．次の話")) == "[■．][次の話]");
}
