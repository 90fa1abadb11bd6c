// Unit tests for jatei/segment.hpp (segment_text, segment): block kinds, divisions, ids, and
// that Document::text() gives the source back exactly.
#define BOOST_TEST_MODULE segment
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <map>
#include <ostream>
#include <set>
#include <string>
#include <vector>

#include "jatei/error.hpp"
#include "jatei/segment.hpp"
#include "jatei/tei.hpp"

namespace jatei {
// Lets Boost.Test print block kinds in failed assertions.
inline std::ostream& operator<<(std::ostream& o, BlockKind k) { return o << to_string(k); }
}  // namespace jatei

using jatei::BlockKind;
using jatei::Document;

namespace {

// Every segmentation in this file also checks that the text comes back exactly.
Document seg(const std::string& text) {
  Document d = jatei::segment_text(text, {});
  BOOST_TEST(d.text() == text, "Document::text() differs from the input [" << text << "]");
  return d;
}

// "div:kind,kind;div:kind" — the shape of a document in one line.
std::string shape(const Document& d) {
  std::string out;
  for (auto& div : d.divisions) {
    if (!out.empty()) out += ";";
    out += div.type + ":";
    bool first = true;
    for (auto& t : div.turns) {
      for (auto& b : t.blocks) {
        if (!first) out += ",";
        first = false;
        out += std::string(jatei::to_string(b.kind));
        if (b.kind == BlockKind::list) out += "(" + std::to_string(b.leaves.size()) + ")";
      }
    }
  }
  return out;
}

// A text and the shape segmentation gives it: a table of them, checked row by row.
struct ShapeCase {
  std::string text, shape;
};

void check_shapes(const std::vector<ShapeCase>& cases) {
  for (auto& c : cases) BOOST_TEST(shape(seg(c.text)) == c.shape, "[" << c.text << "]");
}

// Every block in document order, with the text of its leaves joined by '|'.
struct FlatBlock {
  std::string division;
  BlockKind kind;
  std::string text;
};

std::vector<FlatBlock> blocks(const Document& d) {
  std::vector<FlatBlock> out;
  for (auto& div : d.divisions)
    for (auto& t : div.turns)
      for (auto& b : t.blocks) {
        std::string text;
        for (auto& l : b.leaves) {
          if (!text.empty()) text += "|";
          text += jatei::leaf_text(l);
        }
        out.push_back({div.type, b.kind, text});
      }
  return out;
}

// Kind of the block whose text (trimmed of nothing) equals `text`.
std::string kind_of(const Document& d, const std::string& text) {
  for (auto& b : blocks(d))
    if (b.text == text) return std::string(jatei::to_string(b.kind));
  return "(not found)";
}

std::string division_of(const Document& d, const std::string& text) {
  for (auto& b : blocks(d))
    if (b.text == text) return b.division;
  return "(not found)";
}

std::vector<std::string> sentence_texts(const Document& d) {
  std::vector<std::string> out;
  for (auto* s : d.sentences()) out.push_back(s->text);
  return out;
}

// Whether `ids` are prefix1, prefix2, ... in order.
void check_sequential(const std::vector<std::string>& ids, const std::string& prefix) {
  for (std::size_t k = 0; k < ids.size(); ++k)
    BOOST_TEST(ids[k] == prefix + std::to_string(k + 1), "id #" << k << " with prefix " << prefix);
}

void check_ids(const Document& d) {
  std::set<std::string> seen;
  std::vector<std::string> s_ids;
  std::map<std::string, std::vector<std::string>> by_prefix;
  auto note = [&](const std::string& id) {
    BOOST_TEST(!id.empty());
    BOOST_TEST(seen.insert(id).second, "duplicate id " << id);
    std::size_t k = 0;
    while (k < id.size() && !(id[k] >= '0' && id[k] <= '9')) ++k;
    by_prefix[id.substr(0, k)].push_back(id);
  };
  for (auto& div : d.divisions)
    for (auto& t : div.turns)
      for (auto& b : t.blocks) {
        if (b.kind == BlockKind::list || b.kind == BlockKind::quote || b.kind == BlockKind::figure) note(b.id);
        for (auto& l : b.leaves) {
          note(l.id);
          for (auto& p : l.pieces)
            if (p.kind == jatei::Piece::Kind::sentence) note(p.sentence.id);
        }
      }
  for (auto& [prefix, ids] : by_prefix) check_sequential(ids, prefix);
}

// The invariants every segmentation must keep.
void check_invariants(const std::string& text) {
  Document d = seg(text);
  BOOST_TEST(d.text() == text, "text() differs for input [" << text << "]");
  BOOST_TEST(!d.divisions.empty());
  check_ids(d);
  for (auto* s : d.sentences()) {
    BOOST_TEST(!s->text.empty());
    BOOST_TEST(s->text.find('\n') == std::string::npos);
  }
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// text() gives the source back
// ---------------------------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(text_roundtrip_edge_inputs) {
  for (const std::string& t : std::vector<std::string>{
           "",
           "\n",
           "\n\n\n",
           "   ",
           "  \n\t\n　\n",
           "a",
           "一文だけ。",
           "一文だけ。\n",
           "no final newline\nsecond line",
           "\n\n先頭に空行。\n",
           "末尾に空行。\n\n\n",
           "  前に空白。後ろにも。  \n",
           "　全角空白で字下げ。\n　二段落目。\n",
           "段落一。\n   \n\t\n段落二。",
           "行末にタブ。\t\n次。",
           "・項目一\n\n・項目二\n   \n・項目三",
           "  ・字下げした項目\n  ・もう一つ\n",
           "タイトル\n\n本文の一段落目。\n本文の二段落目。\n\n",
           "本文です。\n【後編に続く】\n\n著者:山田太郎\n経歴。\n\nメルマガ登録はこちら\n",
       })
    check_invariants(t);
}

BOOST_AUTO_TEST_CASE(empty_input_gives_one_empty_paragraph) {
  Document d = seg("");
  BOOST_TEST(d.text() == "");
  BOOST_TEST(shape(d) == "article:paragraph");
  BOOST_TEST(d.sentences().empty());
  Document blank = seg("\n\n  \n");
  BOOST_TEST(blank.text() == "\n\n  \n");
  BOOST_TEST(shape(blank) == "article:paragraph");
  BOOST_TEST(blank.sentences().empty());
}

BOOST_AUTO_TEST_CASE(leading_and_trailing_whitespace_stays_outside_sentences) {
  Document d = seg("  前の空白。　後ろの空白。  \n");
  BOOST_TEST((sentence_texts(d) == std::vector<std::string>{"前の空白。", "後ろの空白。"}));
  BOOST_TEST(d.text() == "  前の空白。　後ろの空白。  \n");
}

BOOST_AUTO_TEST_CASE(one_block_per_line) {
  Document d = seg("一つ目の段落。\n二つ目の段落。二文目。\n三つ目。");
  BOOST_TEST(shape(d) == "article:paragraph,paragraph,paragraph");
  BOOST_TEST((sentence_texts(d) == std::vector<std::string>{"一つ目の段落。", "二つ目の段落。", "二文目。", "三つ目。"}));
  auto leaves = d.leaves();
  BOOST_REQUIRE(leaves.size() == 3u);
  BOOST_TEST(leaves[0]->line == 1u);
  BOOST_TEST(leaves[1]->line == 2u);
  BOOST_TEST(leaves[2]->line == 3u);
  BOOST_TEST(leaves[1]->lead == "\n");
}

// ---------------------------------------------------------------------------------------------
// Title
// ---------------------------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(title_line_becomes_head) {
  Document d = seg("国産チップ、量産へ\n本文の一段落目です。\n二段落目です。\n");
  BOOST_TEST(shape(d) == "article:head,paragraph,paragraph");
  BOOST_TEST(d.header.title == "国産チップ、量産へ");
  BOOST_TEST(d.leaves().front()->element == "head");
}

BOOST_AUTO_TEST_CASE(bracketed_title_line) {
  Document d = seg("【座談会】電気自動車はどこへ向かうのか？\n本文です。\n続きです。\n");
  BOOST_TEST(kind_of(d, "【座談会】電気自動車はどこへ向かうのか？") == "head");
  BOOST_TEST(d.header.title == "【座談会】電気自動車はどこへ向かうのか？");
}

BOOST_AUTO_TEST_CASE(no_title_when_first_line_is_a_sentence_or_text_is_short) {
  Document d = seg("これは本文です。\n二段落目です。\n三段落目です。\n");
  BOOST_TEST(shape(d) == "article:paragraph,paragraph,paragraph");
  {
    jatei::SegmentOptions o;
    o.source_name = "article.txt";
    Document named = jatei::segment_text("これは本文です。\n", o);
    BOOST_TEST(named.header.title == "article.txt");
    BOOST_TEST(named.header.source_name == "article.txt");
    o.title = "指定した題";
    BOOST_TEST(jatei::segment_text("見出し\n本文です。\n続き。\n", o).header.title == "指定した題");
  }
}

// ---------------------------------------------------------------------------------------------
// Lists
// ---------------------------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(bullet_lists) {
  for (std::string marker : {"・", "•", "●", "■", "◆", "- ", "* "}) {
    std::string text = "本文です。\n" + marker + "一つ目\n" + marker + "二つ目\n" + marker + "三つ目\n後の段落です。\n";
    Document d = seg(text);
    BOOST_TEST(shape(d) == "article:paragraph,list(3),paragraph", "marker [" << marker << "]: " << shape(d));
    BOOST_TEST(d.text() == text);
    for (auto* l : d.leaves())
      if (jatei::leaf_text(*l).find("つ目") != std::string::npos) BOOST_TEST(l->element == "item");
  }
}

BOOST_AUTO_TEST_CASE(hyphen_without_space_is_not_a_bullet) {
  check_shapes({{"本文です。\n-5度まで下がった。\n*注意が必要だ。\n", "article:paragraph,paragraph,paragraph"}});
}

BOOST_AUTO_TEST_CASE(numbered_lists) {
  check_shapes({
      // Circled numbers, up to ⑳.
      {"本文です。\n①準備する\n②実行する\n③確認する\n後の段落です。\n", "article:paragraph,list(3),paragraph"},
      {"本文です。\n⑲十九番目\n⑳二十番目\n", "article:paragraph,list(2)"},
      // Parenthesised, half and full width.
      {"本文です。\n(1) 最初の項目\n(2) 次の項目\n後の段落です。\n", "article:paragraph,list(2),paragraph"},
      {"本文です。\n（１）全角の項目\n（２）全角の次\n", "article:paragraph,list(2)"},
      // Dotted, half and full width, two digits.
      {"本文です。\n1. 最初の項目\n2. 次の項目\n3. 最後の項目\n後の段落です。\n", "article:paragraph,list(3),paragraph"},
      {"本文です。\n１．全角の項目\n２．全角の次\n", "article:paragraph,list(2)"},
      {"本文です。\n10. 十番目\n11. 十一番目\n", "article:paragraph,list(2)"},
  });
}

BOOST_AUTO_TEST_CASE(numbered_labels) {
  Document d = seg("本文です。\n特徴①処理が速い\n特徴②価格が安い\n特徴③省電力\n後の段落です。\n");
  BOOST_TEST(shape(d) == "article:paragraph,list(3),paragraph");
  BOOST_TEST(kind_of(d, "特徴①処理が速い|特徴②価格が安い|特徴③省電力") == "list");
}

BOOST_AUTO_TEST_CASE(lone_numbers_are_paragraphs) {
  check_shapes({
      {"本文です。\n1.\n後の段落です。\n", "article:paragraph,paragraph,paragraph"},
      {"本文です。\n1. はじめに\n後の段落です。\n", "article:paragraph,paragraph,paragraph"},
      {"本文です。\n(1) だけ\n後の段落です。\n", "article:paragraph,paragraph,paragraph"},
      {"本文です。\n1.5倍になった。\n2.5倍になった。\n", "article:paragraph,paragraph,paragraph"},
  });
}

BOOST_AUTO_TEST_CASE(list_items_keep_their_line_breaks) {
  std::string text = "前文。\n・一\n・二\n";
  Document d = seg(text);
  auto leaves = d.leaves();
  BOOST_REQUIRE(leaves.size() == 3u);
  BOOST_TEST(leaves[1]->lead == "\n");
  BOOST_TEST(leaves[2]->lead == "\n");
  BOOST_TEST(d.tail == "\n");
}

// ---------------------------------------------------------------------------------------------
// Captions, trailers, bylines, boilerplate, summary, quotes
// ---------------------------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(captions_become_figures) {
  for (std::string cap : {"※図版：売上の推移", "図1 売上の推移", "図１　年度別の比較", "写真:記者会見の様子",
                                 "写真：試作品", "出典:総務省統計"}) {
    std::string text = "本文の一段落目です。\n" + cap + "\n本文の二段落目です。\n";
    Document d = seg(text);
    BOOST_TEST(kind_of(d, cap) == "figure", cap << ": " << shape(d));
    BOOST_TEST(d.text() == text);
  }
}

BOOST_AUTO_TEST_CASE(figure_head_is_a_leaf_inside_the_figure) {
  Document d = seg("本文です。\n写真:会見の様子\n次の段落です。\n");
  auto bl = blocks(d);
  BOOST_REQUIRE(bl.size() == 3u);
  auto& fig = d.divisions[0].turns[0].blocks[1];
  BOOST_TEST(fig.kind == BlockKind::figure);
  BOOST_TEST(fig.id == "fig1");
  BOOST_REQUIRE(fig.leaves.size() == 1u);
  BOOST_TEST(fig.leaves[0].element == "head");
}

BOOST_AUTO_TEST_CASE(body_text_starting_with_a_weak_caption_cue_is_a_paragraph) {
  Document d = seg("本文です。\n図1に示すように、売上は伸びている。\n次の段落です。\n");
  BOOST_TEST(kind_of(d, "図1に示すように、売上は伸びている。") == "paragraph");
}

BOOST_AUTO_TEST_CASE(trailers_close_their_division) {
  for (std::string tr : {"【後編に続く】", "(続く)", "（続く）", "(了)", "（了）", "【次回に続く】"}) {
    std::string text = "本文です。\n" + tr + "\n後ろの段落です。\n";
    Document d = seg(text);
    BOOST_TEST(kind_of(d, tr) == "trailer", tr);
    // The trailer is the last block of its division: what follows starts a new one.
    BOOST_REQUIRE(d.divisions.size() >= 2u);
    auto& first = d.divisions[0].turns.back().blocks;
    BOOST_TEST(jatei::to_string(first.back().kind) == "trailer", tr << ": " << shape(d));
    BOOST_TEST(d.text() == text);
  }
}

// TEI's order inside a <div>: head/byline at the top, then blocks (p, list, quote), then
// trailer/byline at the bottom; a trailer needs a block before it in its division.
void check_tei_div_order(const Document& d, const std::string& input) {
  for (auto& div : d.divisions) {
    bool block_seen = false, bottom = false;
    for (auto& t : div.turns) {
      if (t.spoken() && !t.blocks.empty()) block_seen = true;
      for (auto& b : t.blocks) {
        switch (b.kind) {
          case BlockKind::paragraph: case BlockKind::list: case BlockKind::quote:
            BOOST_TEST(!bottom, "a block after the bottom of a <div> for [" << input << "]: " << shape(d));
            block_seen = true;
            break;
          case BlockKind::head:
            BOOST_TEST(!block_seen, "a <head> after a block for [" << input << "]: " << shape(d));
            break;
          case BlockKind::trailer:
            BOOST_TEST(block_seen, "a <trailer> with no block before it for [" << input << "]: " << shape(d));
            bottom = true;
            break;
          case BlockKind::byline:
            if (block_seen) bottom = true;
            break;
          default:
            break;
        }
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(a_trailer_never_opens_a_division_on_its_own) {
  for (std::string text : {"本文です。\n二段落目です。\n出典:政府統計\n(了)\n",
                           "本文です。\n二段落目です。\n文:山田太郎\n(了)\n",
                           "本文です。\n二段落目です。\n著者:山田太郎\n記者。1980年生まれ。\n（了）\n",
                           "本文です。\n二段落目です。\nメルマガ登録はこちら\n【後編に続く】\n",
                           "本文です。\n二段落目です。\n(続く)\n(了)\n"}) {
    Document d = seg(text);
    check_tei_div_order(d, text);
    BOOST_TEST(d.text() == text);
    for (auto& div : d.divisions) {
      bool only_trailers = true;
      for (auto& t : div.turns)
        for (auto& b : t.blocks) only_trailers = only_trailers && b.kind == BlockKind::trailer;
      BOOST_TEST(!only_trailers, "a division of trailers only for [" << text << "]: " << shape(d));
    }
  }
}

BOOST_AUTO_TEST_CASE(a_trailer_with_nothing_to_close_is_a_paragraph) {
  check_shapes({{"(了)\n", "article:paragraph"}, {"【後編に続く】\n本文です。\n", "article:paragraph,paragraph"}});
  Document d = seg("(続く)\n");
  BOOST_TEST(d.leaves().at(0)->element == "p");
  BOOST_TEST(d.leaves().at(0)->id == "p1");
}

BOOST_AUTO_TEST_CASE(division_order_follows_tei_on_the_whole_article_kinds) {
  for (std::string text : {"見出しの行\n本文です。\n著者:山田\n本文の続きです。\n(了)\n",
                           "見出しの行\n本文です。\n■小見出し\n本文の続きです。\n",
                           "本文です。\n写真:会見の様子\n(続く)\n・まとめ一\n・まとめ二\n文:山田\n経歴。\nシェアする\n"})
    check_tei_div_order(seg(text), text);
}

BOOST_AUTO_TEST_CASE(bracketed_name_turn_ending_in_a_question_is_no_heading) {
  std::string text =
      "対談 AIと翻訳のこれから\n"
      "翻訳者の二人に話を聞きました。\n"
      "【山田】最近、翻訳の仕事は変わりましたか？\n"
      "【佐藤】大きく変わりました。下訳はほとんど機械です。\n"
      "【山田】なるほど。では品質はどうですか？\n"
      "【佐藤】チェックの仕事が増えました。\n";
  Document d = seg(text);
  BOOST_TEST(kind_of(d, "【山田】最近、翻訳の仕事は変わりましたか？") == "paragraph");
  BOOST_TEST(kind_of(d, "【山田】なるほど。では品質はどうですか？") == "paragraph");
  BOOST_TEST(d.divisions.size() == 1u);  // the dialogue is not split in two
  // real headings stay headings: a numbered part, a marker line, a sentence inside is not one
  Document h = seg("見出しの行\n本文です。\n【第2部】これからの展望\n本文の続きです。\n■どこへ向かう？\n最後です。\n");
  BOOST_TEST(kind_of(h, "【第2部】これからの展望") == "head");
  BOOST_TEST(kind_of(h, "■どこへ向かう？") == "head");
  // a tag from [heading-tag] is no name: 【解説】…？ stays a heading
  Document t = seg("見出しの行\n本文です。\n【解説】なぜ減速したのか？\n本文の続きです。\n");
  BOOST_TEST(kind_of(t, "【解説】なぜ減速したのか？") == "head");
  BOOST_TEST(kind_of(seg("見出しの行\n本文です。\n【第2部】そうですか。本当に？\n続きです。\n"), "【第2部】そうですか。本当に？") ==
             "paragraph");
}

BOOST_AUTO_TEST_CASE(trailer_inside_a_sentence_is_not_a_trailer) {
  Document d = seg("本文です。\n話は(続く)と書いてあった。\n");
  BOOST_TEST(shape(d) == "article:paragraph,paragraph");
}

BOOST_AUTO_TEST_CASE(bylines_and_credit_lines) {
  for (std::string by : {"著者:山田太郎", "文:佐藤花子", "TEXT:谷田部卓", "編集:藤冨啓之", "構成:田中一郎",
                                "聞き手:鈴木次郎", "取材:高橋三郎", "(TEXT:谷田部卓 編集:藤冨啓之)",
                                "(文:森川透 編集:高木美咲)", "文・森本彩(Aya Morimoto)", "文　森本彩",
                                "取材・文　田中一郎", "(経済部　佐藤健一)", "（科学環境部 石田由香）", "(出典:資源エネルギー庁)",
                                "（出典：経済産業省）"}) {
    std::string text = "本文の段落です。\n二つ目の段落です。\n" + by + "\n";
    Document d = seg(text);
    BOOST_TEST(kind_of(d, by) == "byline", by << ": " << shape(d));
    BOOST_TEST(division_of(d, by) == "author", by << ": " << shape(d));
  }
}

BOOST_AUTO_TEST_CASE(credit_look_alikes_stay_paragraphs) {
  // A bracketed aside that names no credit, a department in a sentence, a word starting with 文.
  for (std::string p : {"(東京都港区、本社)", "(第2部 参照)", "（詳しくは後述）", "文部科学省の発表です",
                        "(出典はのちほど)", "経済部の佐藤健一記者が取材した。"}) {
    std::string text = "本文の段落です。\n" + p + "\n二つ目の段落です。\n";
    Document d = seg(text);
    BOOST_TEST(kind_of(d, p) == "paragraph", p << ": " << shape(d));
  }
}

// Credits in other shapes than [byline]'s: [credit-role] words joined by ・ or と, then ＝ ／ ：
// or a space, then names; bracketed too. A sentence after the key, hiragana after a space, a
// role word inside a longer word, and a caption's 写真： stay what they were.
BOOST_AUTO_TEST_CASE(credits_by_their_role_words_and_separators) {
  for (std::string by : {"構成＝山本あかり", "撮影＝大川浩", "取材・文／北村みのり", "文と写真＝森田", "イラスト　森下ゆう",
                         "（取材・文＝北村）", "(撮影=大川浩)", "翻訳：岡田理恵　編集：中島"}) {
    std::string text = "本文の段落です。\n二つ目の段落です。\n" + by + "\n";
    Document d = seg(text);
    BOOST_TEST(kind_of(d, by) == "byline", by << ": " << shape(d));
    BOOST_TEST(division_of(d, by) == "author", by << ": " << shape(d));
  }
  for (std::string p : {"撮影 した写真を見返した", "構成＝起承転結がはっきりしている。", "編集者の仕事は多い",
                        "文化祭は雨で中止になった"}) {
    std::string text = "本文の段落です。\n" + p + "\n二つ目の段落です。\n";
    Document d = seg(text);
    BOOST_TEST(kind_of(d, p) == "paragraph", p << ": " << shape(d));
  }
  for (std::string c : {"写真：開会式であいさつする会長", "写真＝会見する森田社長（市提供）"}) {
    Document caption = seg("本文の段落です。\n" + c + "\n二つ目の段落です。\n");
    BOOST_TEST(kind_of(caption, c) == "figure", c << ": " << shape(caption));
  }
}

// A chronology: three or more lines keyed by a date (4月1日：…, 2025/6/2 10:00　…), each beside
// another, are the items of a list. A date that opens a sentence (4月1日、…), a dateline, two
// lone dated lines, a thread's post numbers (1/3 …) and a chat log's lines with who speaks stay
// what they were.
BOOST_AUTO_TEST_CASE(a_chronology_keyed_by_dates_is_a_list) {
  Document d = seg(
      "港の桟橋工事、これまでの経緯\n"
      "桟橋の架け替え工事が終わった。主な出来事を時系列でまとめる。\n"
      "【2025年】\n"
      "4月1日：工事が始まる。\n"
      "6月12日（木） 15:00：台風の接近で作業を中断した。\n"
      "2025/9/30　仮の桟橋の使用を開始。\n"
      "【2026年】\n"
      "3月3日：完成式。地元の小学生が渡り初めをした。\n"
      "11月8日：定期船の発着が元の桟橋に戻った。\n"
      "市は来年、周辺の護岸も補修するという。\n");
  BOOST_TEST(shape(d) == "article:head,paragraph;article:head,list(3);article:head,list(2),paragraph", shape(d));
  Document prose = seg(
      "本文の一段落目です。\n"
      "4月1日、工事が始まった。\n"
      "6月12日に台風が来た。\n"
      "9月30日、仮の桟橋ができた。\n");
  BOOST_TEST(shape(prose) == "article:paragraph,paragraph,paragraph,paragraph", shape(prose));
  Document two = seg("本文です。\n4月1日：工事開始。\n5月1日：中断。\n以上です。\n");
  BOOST_TEST(kind_of(two, "4月1日：工事開始。") == "paragraph", shape(two));
  Document thread = seg("本文です。\n1/3 駅は人であふれていた。\n2/3 バスも満員だった。\n3/3 会社には遅れて着いた。\n");
  BOOST_TEST(kind_of(thread, "2/3 バスも満員だった。") == "paragraph", shape(thread));
  Document chat = seg("家族のやりとり\n4/1 10:15 母：駅に着いた\n4/1 10:16 父：迎えに行く\n4/1 10:20 母：ありがとう\n");
  BOOST_TEST(kind_of(chat, "4/1 10:16 父：迎えに行く") != "list", shape(chat));
}

// The chronology of one day keys its entries by the time alone (8:30：…, 14時　…); other
// chronologies by a year, a fiscal year, a span or a part of a month (2019年度：…, 2020年4月～6月：…,
// 2022年10月末：…); a word that dates an entry from the one before ([timeline-word]: 同日　…)
// keys one among dated entries, and an entry alone under a heading of the chronology is one too.
// A transcript's stamps with their seconds (00:41:10 …) and a time that opens a sentence stay
// paragraphs.
BOOST_AUTO_TEST_CASE(a_chronology_keyed_by_times_years_and_spans_is_a_list) {
  Document day = seg(
      "窓口システムが止まった日\n"
      "市の発表をもとに、時刻順にまとめました。\n"
      "【11月4日（火）】\n"
      "8:30：住民票の発行ができなくなる。職員が受付票を配った。\n"
      "9:15：市が原因の調査を始める。\n"
      "同日　市がホームページで障害を知らせた。\n"
      "【11月5日（水）】\n"
      "7:50：システムが復旧。\n"
      "【11月6日（木）】\n"
      "14時　市長が記者会見で陳謝した。\n"
      "市は再発防止策を年内にまとめるとしている。\n");
  BOOST_TEST(shape(day) == "article:head,paragraph;article:head,list(3);article:head,list(1);article:head,list(1),paragraph",
             shape(day));
  Document years = seg(
      "バス路線の歩み\n"
      "開業から今日までの主な出来事です。\n"
      "2019年度：市が地域交通の計画をつくる。\n"
      "2020年4月～6月：試験運行。一日の利用は平均80人だった。\n"
      "2021年春　本格運行が始まる。\n"
      "2022年10月末：運転手不足で減便。\n"
      "2023年：運賃を200円に値上げ。\n"
      "路線は今後も続く見通しだ。\n");
  BOOST_TEST(shape(years) == "article:head,paragraph,list(5),paragraph", shape(years));
  Document stamps = seg(
      "配信の書き起こしです。\n"
      "00:41:10 それでは始めていきます。\n"
      "00:41:30 今日は雪山の話をします。\n"
      "00:42:05 まず装備からですね。\n");
  BOOST_TEST(kind_of(stamps, "00:41:30 今日は雪山の話をします。") == "paragraph", shape(stamps));
  Document prose = seg("本文です。\n9時に集合した。\n10時から歩き始めた。\n12時、山頂に着いた。\n");
  BOOST_TEST(shape(prose) == "article:paragraph,paragraph,paragraph,paragraph", shape(prose));
}

// An earnings report's tables: rows of figures between runs of whitespace (two cells or more
// hold figures, no clause's punctuation) are the items of a list however long, even where the
// item comes back once a period; numbered headings over them head them, a heading that numbers a
// year's figures (1．2026年3月期の業績) included, and one that gives its period in brackets. A
// decimal (1.5倍, 1.5年) numbers nothing, and sentences with figures stay paragraphs.
BOOST_AUTO_TEST_CASE(rows_of_figures_are_a_list_under_their_numbered_headings) {
  Document d = seg(
      "2026年3月期　中間決算の概要\n"
      "当社の中間期の業績をお知らせします。\n"
      "1．2026年3月期中間期の連結業績（2025年4月1日～2025年9月30日）\n"
      "（1）連結経営成績\n"
      "売上高　2026年3月期中間期　8,412百万円（前年同期比6.1％増）\n"
      "売上高　2025年3月期中間期　7,928百万円（前年同期比2.3％増）\n"
      "営業利益　2026年3月期中間期　512百万円（前年同期比12.4％増）\n"
      "（2）連結財政状態\n"
      "総資産　2026年3月期中間期　15,230百万円\n"
      "自己資本比率　2026年3月期中間期　64.8％\n"
      "2．配当の状況\n"
      "年間配当金　2025年3月期　30円00銭\n"
      "年間配当金　2026年3月期（予想）　32円00銭\n"
      "当中間期は、冷凍麺の新工場が4月に稼働し、出荷が伸びました。\n");
  BOOST_TEST(shape(d) == "article:head,paragraph;article:head,head,list(3);article:head,list(2);article:head,list(2),paragraph", shape(d));
  Document prose = seg(
      "本文です。\n"
      "売上高は　8,412百万円と、前年より6.1％増えた。\n"
      "営業利益は　512百万円と、12.4％増えた。\n"
      "1.5倍に増えた。\n");
  BOOST_TEST(shape(prose) == "article:paragraph,paragraph,paragraph,paragraph", shape(prose));
}

// The close of a page: after its first chrome, up to four lines of text in a row are chrome too
// (links, contacts); five or more are the text going on after a button (a video's transcript
// under もっと見る), and stay paragraphs. A pager with an angle apart from its words (＜ 前の社説,
// 次の社説 ＞) and a comment's 返信 button are chrome by themselves.
BOOST_AUTO_TEST_CASE(the_text_after_a_button_is_no_page_close) {
  Document video = seg(
      "【検証】昼休みに通信速度を測る\n"
      "今回は格安SIM3社の昼の速度を、都内の5か所で測りました。測定には同じ機種を3台使っています。\n"
      "もっと見る\n"
      "＞＞はいどうも\n"
      "＞＞今日は昼の速度を測ってきました\n"
      "＞＞遅くなるんですか\n"
      "＞＞なるって言われてますね\n"
      "＞＞へえ\n"
      "＞＞それではまた次回\n"
      "コメント 12件\n"
      "昼は本当に遅い\n"
      "返信\n"
      "次の動画\n");
  BOOST_TEST(kind_of(video, "＞＞遅くなるんですか") == "paragraph", shape(video));
  BOOST_TEST(division_of(video, "＞＞それではまた次回") == "article", shape(video));
  BOOST_TEST(division_of(video, "昼は本当に遅い") == "boilerplate", shape(video));
  Document links = seg(
      "路線バスの減便を考える\n"
      "市内の路線バスが来春から減便される。運転手の不足が理由だという。\n"
      "利用者の声を聞き、代わりの足をどう確保するかを考えたい。\n"
      "この記事をシェアする\n"
      "駅前再開発、計画を見直し\n"
      "図書館の開館時間を延長\n"
      "商店街に朝市が戻る\n"
      "＜ 前の社説\n"
      "次の社説 ＞\n");
  BOOST_TEST(division_of(links, "図書館の開館時間を延長") == "boilerplate", shape(links));
  BOOST_TEST(division_of(links, "＜ 前の社説") == "boilerplate", shape(links));
  BOOST_TEST(division_of(links, "次の社説 ＞") == "boilerplate", shape(links));
  Document heading = seg("本文の一段落目です。\n＜解説＞\n二段落目の本文です。\n");
  BOOST_TEST(division_of(heading, "＜解説＞") == "article", shape(heading));
}

// A comparison site's buttons to the shops ([shop-button]: Amazonで見る, Yahoo!ショッピングで見る),
// three or more in the page, are chrome; a line that says what one sees, or a lone button, is not.
BOOST_AUTO_TEST_CASE(buttons_to_the_shops_are_chrome) {
  Document d = seg(
      "電気ケトルおすすめ3選\n"
      "1位　アクアドリップ\n"
      "温度を5度刻みで設定できます。\n"
      "Amazonで見る\n"
      "Yahoo!ショッピングで見る\n"
      "2位　クイックポット\n"
      "とにかく安くて軽いのが魅力です。\n"
      "楽天市場で見る\n"
      "電気ケトルは毎日使うものです。\n");
  BOOST_TEST(division_of(d, "Amazonで見る") == "boilerplate", shape(d));
  BOOST_TEST(division_of(d, "Yahoo!ショッピングで見る") == "boilerplate", shape(d));
  BOOST_TEST(division_of(d, "楽天市場で見る") == "boilerplate", shape(d));
  Document one = seg("本文です。\n星空を肉眼で見る\n二段落目の本文です。\n");
  BOOST_TEST(division_of(one, "星空を肉眼で見る") == "article", shape(one));
}

BOOST_AUTO_TEST_CASE(byline_before_the_body_stays_in_the_article) {
  Document d = seg("文:佐藤花子\n本文の段落です。\n二つ目の段落です。\n");
  BOOST_TEST(shape(d) == "article:byline,paragraph,paragraph");
}

BOOST_AUTO_TEST_CASE(bio_after_a_byline_is_in_the_author_division) {
  Document d = seg("本文です。\n二段落目です。\n著者:森川透\n情報セキュリティコンサルタント。1975年生まれ。\n");
  BOOST_TEST(shape(d) == "article:paragraph,paragraph;author:byline,paragraph");
  BOOST_TEST(division_of(d, "情報セキュリティコンサルタント。1975年生まれ。") == "author");
}

// A profile's heading after the body, its marks set aside ([bio-head]: ■プロフィール, 【略歴】),
// opens the author box: the name and the bio under it are not the article's text; the next
// heading of the body, or a credit, ends it.
BOOST_AUTO_TEST_CASE(a_profile_heading_opens_the_author_box) {
  Document d = seg(
      "古い時計を直す\n"
      "祖父の腕時計を、半年かけて動くところまで直した。部品は海外から取り寄せた。\n"
      "いちばん苦労したのはゼンマイの交換で、三度失敗した。\n"
      "■プロフィール\n"
      "大野明（おおの・あきら）\n"
      "1979年、静岡県生まれ。時計店に勤めたのち独立し、古い機械式時計の修理を手がける。\n");
  BOOST_TEST(shape(d) == "article:head,paragraph,paragraph;author:head,paragraph,paragraph", shape(d));
  BOOST_TEST(division_of(d, "1979年、静岡県生まれ。時計店に勤めたのち独立し、古い機械式時計の修理を手がける。") == "author");
  Document bracketed = seg(
      "本文の一段落目です。ここまでが記事です。\n"
      "二段落目も、記事の本文として書いています。\n"
      "【略歴】\n"
      "1990年生まれ。農家の三代目として、米と野菜を育てている。\n"
      "構成／田村\n");
  BOOST_TEST(division_of(bracketed, "1990年生まれ。農家の三代目として、米と野菜を育てている。") == "author", shape(bracketed));
  BOOST_TEST(kind_of(bracketed, "【略歴】") == "head");
  // A heading of the body that names no profile leaves what follows it in the article.
  Document other = seg(
      "本文の一段落目です。ここまでが記事です。\n"
      "二段落目も、記事の本文として書いています。\n"
      "■今後の予定\n"
      "来年は二号店を開く予定だ。場所はまだ決まっていない。\n");
  BOOST_TEST(division_of(other, "来年は二号店を開く予定だ。場所はまだ決まっていない。") == "article", shape(other));
}

// A static site's front matter (--- / key: value / ---) before the page: code from fence to
// fence, every character kept, and the title is the first line after it.
BOOST_AUTO_TEST_CASE(front_matter_is_code_and_the_title_follows_it) {
  const std::string text =
      "---\n"
      "title: 庭の水やりを自動にした\n"
      "date: 2026-08-14\n"
      "tags:\n"
      "  - 庭\n"
      "  - 電子工作\n"
      "---\n"
      "庭の水やりを自動にした\n"
      "2026年8月14日\n"
      "夏のあいだ、朝晩の水やりを小さな電磁弁とタイマーに任せることにしました。費用は五千円ほどです。\n"
      "配線は防水の箱にまとめ、雨の日は止まるようにしています。\n";
  Document d = seg(text);
  BOOST_TEST(shape(d) == "article:code,code,code,code,code,code,code;article:head,byline,paragraph,paragraph", shape(d));
  BOOST_TEST(kind_of(d, "庭の水やりを自動にした") == "head");
  // TOML's +++ too; a --- over lines that are not keys is a rule across the page, not front matter.
  Document toml = seg("+++\ntitle = \"雨の日の散歩\"\n+++\n雨の日の散歩\n傘をさして近所を歩いた。思ったより楽しかった。\n");
  BOOST_TEST(kind_of(toml, "title = \"雨の日の散歩\"") == "code", shape(toml));
  Document rule = seg("---\n今日は晴れて、散歩に出かけた。\n---\n明日も晴れるといいと思う。\n");
  BOOST_TEST(kind_of(rule, "今日は晴れて、散歩に出かけた。") == "paragraph", shape(rule));
}

BOOST_AUTO_TEST_CASE(boilerplate_division) {
  Document d = seg("本文です。\n二段落目です。\nこの記事をシェアする\nメルマガ登録はこちら\n");
  BOOST_TEST(shape(d) == "article:paragraph,paragraph;boilerplate:paragraph,paragraph");
}

BOOST_AUTO_TEST_CASE(a_ranking_is_furniture_only_as_the_sites_own_list_of_articles) {
  // The site's list of its most read articles is furniture; a ranking the article is about
  // (its title, a section head, a sentence that reports one) is the article's text.
  Document d = seg("【2026年最新】電気ケトル人気ランキング\n2026年12月1日\n\n"
                   "電気ケトルは毎日使う家電です。昨年は売り上げランキングで1位になりました。\n\n"
                   "■おすすめランキング\n\n1位の製品は容量が大きめです。\n\n人気記事ランキング\nアクセスランキング\n");
  BOOST_TEST(kind_of(d, "【2026年最新】電気ケトル人気ランキング") == "head", shape(d));
  BOOST_TEST(kind_of(d, "■おすすめランキング") == "head", shape(d));
  BOOST_TEST(shape(d).find("boilerplate:paragraph,paragraph") != std::string::npos, shape(d));
  BOOST_TEST(shape(d).find("article:head,") == 0u, shape(d));
}

BOOST_AUTO_TEST_CASE(boilerplate_cues_of_every_length) {
  // A user's cues: one shorter than two kana (found by plain search), one of two kanji (the
  // shortest the two-character index holds), one that starts after a Latin letter, one with
  // an ASCII lead; each anywhere in the line, and a line with none of them stays in the body.
  jatei::Rules r = jatei::Rules::builtin();
  r.merge(jatei::Rules::parse("[boilerplate]\n☆\n拡散\nxお知らせ希望\nSNS:\n", "extra"));
  jatei::SegmentOptions o;
  o.rules = &r;
  auto shape_of = [&](const std::string& text) { return shape(jatei::segment_text(text, o)); };
  BOOST_TEST(shape_of("本文です。\n二段落目です。\nぜひ☆\n") == "article:paragraph,paragraph;boilerplate:paragraph");
  BOOST_TEST(shape_of("本文です。\n二段落目です。\nぜひ拡散を\n") == "article:paragraph,paragraph;boilerplate:paragraph");
  BOOST_TEST(shape_of("本文です。\n二段落目です。\n1xお知らせ希望\n") == "article:paragraph,paragraph;boilerplate:paragraph");
  BOOST_TEST(shape_of("本文です。\n二段落目です。\n公式SNS:を見て\n") == "article:paragraph,paragraph;boilerplate:paragraph");
  BOOST_TEST(shape_of("本文です。\n二段落目です。\n拡大します\n") == "article:paragraph,paragraph,paragraph");
}

BOOST_AUTO_TEST_CASE(cues_are_read_inside_any_surrounding_whitespace) {
  // Each kind of space around a cue line (no-break, ogham, en to hair, narrow, medium
  // mathematical, ideographic, tab) is trimmed before the cue is looked for.
  for (std::string sp : {"\u00A0", "\u1680", "\u2002", "\u200A", "\u202F", "\u205F", "\u3000", "\t", " "}) {
    Document d = seg("本文です。\n二段落目です。\n" + sp + "【続く】" + sp + "\n");
    BOOST_TEST(shape(d) == "article:paragraph,paragraph,trailer", "space " << sp);
  }
  // Not spaces: the line is not a trailer.
  Document d = seg("本文です。\n二段落目です。\n\u00B7【続く】\n");
  BOOST_TEST(shape(d) == "article:paragraph,paragraph,paragraph");
}

BOOST_AUTO_TEST_CASE(summary_list_after_a_trailer) {
  Document d = seg("本文です。\n二段落目です。\n【次回に続く】\n・要点の一つ目\n・要点の二つ目\n");
  BOOST_TEST(shape(d) == "article:paragraph,paragraph,trailer;summary:list(2)");
}

BOOST_AUTO_TEST_CASE(summary_heading_before_a_list) {
  Document d = seg("本文です。\n二段落目です。\nまとめ\n・要点の一つ目\n・要点の二つ目\n");
  BOOST_TEST(shape(d) == "article:paragraph,paragraph;summary:head,list(2)");
}

BOOST_AUTO_TEST_CASE(summary_does_not_swallow_what_follows_it) {
  // The summary heading makes the list after it a summary, and nothing more: a byline after
  // the summary opens the author division.
  Document d = seg("本文です。\n二段落目です。\nまとめ\n・要点の一つ目\n・要点の二つ目\n著者:山田太郎\n");
  BOOST_TEST(shape(d) == "article:paragraph,paragraph;summary:head,list(2);author:byline", shape(d));
  BOOST_TEST(division_of(d, "著者:山田太郎") == "author");
}

BOOST_AUTO_TEST_CASE(summary_heading_not_before_a_list_is_a_paragraph) {
  Document d = seg("本文です。\nまとめ\n次の段落です。\n");
  BOOST_TEST(kind_of(d, "まとめ") == "paragraph");
  BOOST_TEST(division_of(d, "まとめ") == "article");
}

BOOST_AUTO_TEST_CASE(quote_after_an_introducing_paragraph) {
  for (std::string intro : {"社長は以下のように語っています。", "大臣は次のように述べています。",
                                   "同社の社長は、会見で次のように述べた。"}) {
    std::string text = "本文です。\n" + intro + "\n量産を急ぎます。世界で勝負します。\n次の段落です。\n";
    Document d = seg(text);
    BOOST_TEST(shape(d) == "article:paragraph,paragraph,quote,paragraph", intro << ": " << shape(d));
    BOOST_TEST(kind_of(d, "量産を急ぎます。世界で勝負します。") == "quote");
    auto& q = d.divisions[0].turns[0].blocks[2];
    BOOST_TEST(q.id == "q1");
    BOOST_REQUIRE(q.leaves.size() == 1u);
    BOOST_TEST(q.leaves[0].element == "p");
  }
}

BOOST_AUTO_TEST_CASE(no_quote_without_an_introduction) {
  Document d = seg("本文です。\n社長は語った。\n量産を急ぎます。\n");
  BOOST_TEST(shape(d) == "article:paragraph,paragraph,paragraph");
}

BOOST_AUTO_TEST_CASE(a_statement_alone_between_paragraphs_is_a_quote) {
  const std::string head = "港の朝市、客足戻る\n週末の朝市に、県外からの客が戻ってきた。出店は去年より5軒多い。\n";
  const std::string said = "「朝の四時から並ぶお客さんもいます。やっと前の賑わいに近づきました」";
  const std::string after = "漁協の担当者は、夏の観光客にも期待を寄せる。\n";
  // Someone's words set apart between paragraphs of the report: a quotation.
  Document d = seg(head + said + "\n" + after);
  BOOST_TEST(kind_of(d, said) == "quote", shape(d));
  // Under an interviewer's question it answers: a turn of the dialogue, not a quotation.
  for (const char* q : {"――客足は戻りましたか。", "――今年の手応えは。", "朝市の手応えは？"}) {
    Document i = seg(head + q + "\n" + said + "\n" + after);
    BOOST_TEST(kind_of(i, said) == "paragraph", q << ": " << shape(i));
  }
  // Two statements in a row are a dialogue's lines, not quotations set apart.
  const std::string reply = "「去年より五軒多いのは、若い漁師さんが加わったからです」";
  Document run = seg(head + said + "\n" + reply + "\n" + after);
  BOOST_TEST(kind_of(run, said) == "paragraph", shape(run));
  BOOST_TEST(kind_of(run, reply) == "paragraph", shape(run));
  // The last paragraph of a quotation of several (the one before opens with 「 and does not
  // close) goes on with it.
  Document more = seg(head + "「朝の四時から並ぶお客さんもいます。\n" + reply + "\n" + after);
  BOOST_TEST(kind_of(more, reply) == "paragraph", shape(more));
  // Words in 「」 followed by prose on the same line are the report's sentence.
  Document prose = seg(head + "「やっと前の賑わいに近づいた」と漁協の担当者は話す。\n" + after);
  BOOST_TEST(kind_of(prose, "「やっと前の賑わいに近づいた」と漁協の担当者は話す。") == "paragraph");
}

// ---------------------------------------------------------------------------------------------
// Divisions and ids on a whole article
// ---------------------------------------------------------------------------------------------

namespace {
const std::string kArticle =
    "新型チップの量産始まる\n"
    "\n"
    "半導体スタートアップは5日、新型チップの量産を始めたと発表した。出荷は来春の予定だ。\n"
    "写真:記者会見の様子\n"
    "特徴は次の3点だ。\n"
    "・消費電力が少ない\n"
    "・価格が安い\n"
    "・小型である\n"
    "社長は次のように述べています。\n"
    "世界で勝負できる製品です。\n"
    "【後編に続く】\n"
    "・量産が始まった\n"
    "・出荷は来春\n"
    "文:佐藤花子\n"
    "科学ジャーナリスト。\n"
    "この記事をシェアする\n"
    "メルマガ登録はこちら\n";
}

BOOST_AUTO_TEST_CASE(division_types_and_order) {
  Document d = seg(kArticle);
  BOOST_TEST(shape(d) ==
                 "article:head,paragraph,figure,paragraph,list(3),paragraph,quote,trailer;summary:list(2);"
                 "author:byline,paragraph;boilerplate:paragraph,paragraph",
             shape(d));
  BOOST_TEST(d.text() == kArticle);
  BOOST_TEST(d.header.title == "新型チップの量産始まる");
}

BOOST_AUTO_TEST_CASE(ids_unique_and_sequential) {
  Document d = seg(kArticle);
  check_ids(d);
  auto s = d.sentences();
  BOOST_REQUIRE(!s.empty());
  BOOST_TEST(s.front()->id == "s1");
  BOOST_TEST(s.back()->id == "s" + std::to_string(s.size()));
  // Paragraphs, items, heads, trailers, bylines, lists, quotes, figures each count from 1.
  std::vector<std::string> p_ids, item_ids;
  for (auto* l : d.leaves()) {
    if (l->element == "p") p_ids.push_back(l->id);
    if (l->element == "item") item_ids.push_back(l->id);
  }
  check_sequential(p_ids, "p");
  check_sequential(item_ids, "i");
  BOOST_TEST(item_ids.size() == 5u);
}

BOOST_AUTO_TEST_CASE(segmentation_is_deterministic) {
  BOOST_TEST((seg(kArticle) == seg(kArticle)));
}

BOOST_AUTO_TEST_CASE(header_facts_from_decoded) {
  jatei::Decoded dec = jatei::decode("本文です。\r\n");
  jatei::SegmentOptions o;
  o.source_name = "x.txt";
  Document d = jatei::segment(dec, o);
  BOOST_TEST(d.header.encoding == "UTF-8");
  BOOST_TEST(d.header.sha256 == jatei::sha256_hex("本文です。\r\n"));
  BOOST_TEST(d.header.source_name == "x.txt");
  BOOST_TEST(d.header.decoding_note.empty());
  BOOST_TEST(d.text() == "本文です。\n");
  bool has_app = false;
  for (auto& a : d.header.applications) has_app = has_app || (a.ident == "jatei-segment" && a.version == jatei::kVersion);
  BOOST_TEST(has_app);
  jatei::DecodeOptions ro;
  ro.replace_invalid = true;
  Document r = jatei::segment(jatei::decode("本文\xFF", ro), o);
  BOOST_TEST(r.header.decoding_note.find('1') != std::string::npos, r.header.decoding_note);
}

BOOST_AUTO_TEST_CASE(long_lines_are_body_text) {
  // A 300-character line that starts like a byline is prose, not a credit.
  std::string longline = "著者:" + std::string();
  for (int i = 0; i < 100; ++i) longline += "長い";
  longline += "文。";
  Document d = seg("本文です。\n" + longline + "\n");
  BOOST_TEST(kind_of(d, longline) == "paragraph");
}

BOOST_AUTO_TEST_CASE(many_short_lines) {
  std::string text;
  for (int i = 0; i < 20000; ++i) text += "短い行です。\n";
  Document d = seg(text);
  BOOST_TEST(d.text() == text);
  BOOST_TEST(d.sentences().size() == 20000u);
  BOOST_TEST(d.sentences().back()->id == "s20000");
}

// ---------------------------------------------------------------------------------------------
// segment_to (the streaming path jatei-segment uses) writes what tei::write(segment()) writes
// ---------------------------------------------------------------------------------------------

namespace {

using namespace jatei;

Decoded utf8(const std::string& text) {
  Decoded d;
  d.text = text;
  d.encoding = "UTF-8";
  d.sha256 = "00";
  return d;
}

SegmentOptions named() {
  SegmentOptions o;
  o.source_name = "t.txt";
  return o;
}

// parallel: whether a second thread does half of the work, whatever the size of the text.
std::string streamed(const std::string& text, std::size_t chunk, bool parallel = false) {
  std::string out;
  std::size_t calls = 0;
  tei::StreamWriter w([&](std::string_view c) { out += c; ++calls; }, chunk);
  SegmentOptions o = named();
  o.parallel_min_bytes = parallel ? 0 : static_cast<std::size_t>(-1);
  segment_to(utf8(text), o, w);
  BOOST_TEST(calls >= 1u);
  return out;
}

std::string whole(const std::string& text) { return tei::write(segment(utf8(text), named())); }

}  // namespace

BOOST_AUTO_TEST_CASE(digest_taken_beside_grouping_is_the_digest_of_the_source) {
  // Decoded without its digest, the header has none; segment_bytes_to() takes it in steps,
  // the rest while the lines are grouped (on a second thread for a large text): the same bytes
  // as a digest taken at once, in the stream, and handed back.
  std::string source = "\xEF\xBB\xBFタイトル\r\n\r\n本文の一段落目です。\r\n";
  for (int k = 0; k < 2000; ++k) source += "本文の続きです。次の文もあります。\r\n";
  jatei::DecodeOptions with, without;
  without.digest = false;
  Decoded a = jatei::decode(source, with), b = jatei::decode(source, without);
  BOOST_TEST(!a.sha256.empty());
  BOOST_TEST(b.sha256.empty());
  for (std::size_t parallel_min : {std::size_t(0), static_cast<std::size_t>(-1)}) {
    SegmentOptions o = named();
    o.parallel_min_bytes = parallel_min;
    std::string expected = tei::write(segment(a, o));
    BOOST_TEST(expected.find(a.sha256) != std::string::npos);
    std::string streamed;
    tei::StreamWriter w([&](std::string_view c) { streamed += c; });
    Decoded info = jatei::segment_bytes_to(source, without, o, w);
    BOOST_TEST(streamed == expected);
    BOOST_TEST(info.sha256 == a.sha256);
    // Without a source to take it from, there is no digest to record.
    BOOST_TEST(tei::write(segment(b, o)).find(a.sha256) == std::string::npos);
  }
}

BOOST_AUTO_TEST_CASE(segmenting_bytes_equals_decoding_then_segmenting) {
  // segment_bytes_to() takes the digest in steps on a second thread (forced here for a small
  // text too): the TEI is that of decode() then segment_to(), for text it borrows, text it
  // changes, and a legacy encoding; bad bytes throw before anything is written.
  std::string long_text = "題名\n\n";
  for (int k = 0; k < 40000; ++k) long_text += "本文の一段落目です。次の文もあります。\n";
  std::string sjis = "\x93\xfa\x96\x7b\x8c\xea\x82\xcc\x95\xb6\x8f\xcd\x82\xc5\x82\xb7\x81\x42\n";  // 日本語の文章です。
  for (const std::string& bytes : {long_text, "\xEF\xBB\xBFタイトル\r\n\r\n本文です。\r\n" + long_text, sjis, std::string()}) {
    for (std::size_t parallel_min : {std::size_t(0), static_cast<std::size_t>(-1)}) {
      SegmentOptions o = named();
      o.parallel_min_bytes = parallel_min;
      jatei::DecodeOptions d;
      d.may_borrow = true;
      std::string expected;
      tei::StreamWriter we([&](std::string_view c) { expected += c; });
      segment_to(jatei::decode(bytes), o, we);
      BOOST_TEST(expected.find(jatei::sha256_hex(bytes)) != std::string::npos);
      std::string got;
      tei::StreamWriter wg([&](std::string_view c) { got += c; });
      Decoded info = jatei::segment_bytes_to(bytes, d, o, wg);
      BOOST_TEST(got == expected);
      BOOST_TEST(info.encoding == jatei::decode(bytes).encoding);
    }
  }
  std::string bad = long_text + "\xFF";
  std::string written;
  tei::StreamWriter wb([&](std::string_view c) { written += c; });
  SegmentOptions o = named();
  o.parallel_min_bytes = 0;
  jatei::DecodeOptions strict;
  strict.encoding = "UTF-8";
  BOOST_CHECK_THROW(jatei::segment_bytes_to(bad, strict, o, wb), jatei::DataError);
  BOOST_TEST(written.empty());
}

BOOST_AUTO_TEST_CASE(line_ends_at_every_place_across_32_bytes) {
  // Line ends are looked for 32 bytes at a time: lines of every length from 0 to 70 bytes, one
  // after another, with and without a line end at the very end, come out the same on the
  // threads as on one, and give back the text.
  std::string text;
  for (std::size_t len = 0; len <= 70; ++len) {
    std::string line;
    while (line.size() + 3 <= len) line += "あ";
    while (line.size() < len) line += ".";
    text += line + "\n";
  }
  for (const std::string& t : {text, text + "最後の行", "\n" + text}) {
    std::string expected = whole(t);
    BOOST_TEST(streamed(t, 1 << 20, true) == expected);
    BOOST_TEST(jatei::segment_text(t, {}).text() == t);
  }
}

BOOST_AUTO_TEST_CASE(streaming_output_equals_the_document_output) {
  std::vector<std::string> texts{
      "", "\n\n  \n", "一文だけ。", "タイトル\n\n本文の一段落目。\n本文の二段落目。\n\n",
      "【続く】\n本文。\n", "本文です。\n【後編に続く】\n\n著者:山田太郎\n経歴。\n\nメルマガ登録はこちら\n",
      "本文。\n・項目一\n・項目二\n\nまとめ\n・要点一\n・要点二\n出典:某社\n",
      "彼は次のように語っています。\n「未来は明るい。」\n図1:グラフ\n(了)\n",
      "一段落目。\n二段落目。\n",
      "本文の一段落目です。\n【続く】\n",
      "題名\n\n・一\n\n・二\n\n・三\n\n本文です。\n",
      "本文。\n(了)\n\n著者:山田太郎\n経歴。\n",
      // Where the lines are cut in two by bytes: no line end past the middle (a long last
      // line), only a line end at the very end, line ends only, and one just past the middle.
      "短い。\nとても長い最後の行で、改行のないまま終わる文章がここに続いています。",
      "改行が最後にしかない一行です。\n", "\n\n\n\n", "あ\nい\n", "一行目。\n\n二行目。",
      // Code lines (<ab type="code">, no sentences) at the start, in fences, at the end.
      "$ npm install\n本文です。\n```\nx = 1\n\ny = 2\n```\n", "本文です。\nimport os"};
  for (const char* name : {"lecture-quantum", "roundtable-ev", "interview-startup", "news-chip", "casual-chat-security",
                           "recipe-chicken-lemon", "qa-site-tomato", "press-drone-delivery",
                           "devblog-zenn-fastapi-docker"}) {
    std::ifstream f(std::string(JATEI_SOURCE_DIR) + "/corpora/" + name + ".txt", std::ios::binary);
    BOOST_REQUIRE(f.good());
    texts.emplace_back(std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>());
  }
  for (auto& t : texts) {
    std::string expected = whole(t);
    BOOST_TEST(streamed(t, 1) == expected);
    BOOST_TEST(streamed(t, 1 << 20) == expected);
    // Half of the lines analysed and half of the blocks written on a second thread: wherever
    // the halves meet (in a division, at one, at a trailer, in a list), the bytes are the same.
    BOOST_TEST(streamed(t, 1, true) == expected);
    BOOST_TEST(streamed(t, 1 << 20, true) == expected);
  }
}

BOOST_AUTO_TEST_CASE(a_dateline_does_not_start_the_body) {
  // Title, date, byline, then the body: the byline heads the article (no author section, no
  // body paragraphs taken for a bio).
  for (const char* date : {"2025.03.14", "2025/3/14 10:00", "2025年3月14日", "公開日：2025-03-14"}) {
    Document d = seg(std::string("生成AIの幻覚はなぜ起きるのか\n") + date +
                     "\n文:田中美咲\n\n本文の一段落目です。\n本文の二段落目です。\n本文の三段落目です。\n");
    BOOST_TEST(shape(d) == "article:head,byline,byline,paragraph,paragraph,paragraph", date);
  }
  // Right under the title, with no byline beside it, it dates the article as a byline.
  Document alone = seg("記事の題名\n2025.03.14\n本文の一段落目です。\n本文の二段落目です。\n文:田中美咲\n経歴です。\n");
  BOOST_TEST(shape(alone) == "article:head,byline,paragraph,paragraph;author:byline,paragraph");
  // Under a heading under the title (【解説】, 判定：誤り) it dates the article too, and does not
  // start the body.
  Document below = seg("記事の題名\n【解説】\n2025.03.14\n本文の一段落目です。\n本文の二段落目です。\n文:田中美咲\n経歴です。\n");
  BOOST_TEST(shape(below) == "article:head,head,byline,paragraph,paragraph;author:byline,paragraph", shape(below));
  // Without a title there is nothing for it to sit under.
  Document untitled = seg("2025.03.14\n本文の一段落目です。\n");
  BOOST_TEST(shape(untitled).find("byline") == std::string::npos, shape(untitled));
  // A dated sentence is body text: the byline after it still opens an author section.
  Document d = seg("記事の題名\n2025年3月14日、新しいモデルが公開された。\n文:田中美咲\n経歴です。\n");
  BOOST_TEST(shape(d).find("author:byline") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_marker_over_items_with_another_marker_is_a_heading) {
  check_shapes({
      // ■ over ・ items heads them; ■ after them heads what follows.
      {"記事の題名\n本文です。\n■用意したもの\n・GPU\n・メモリ\n■量子化で縮める\n本文の続きです。\n",
       "article:head,paragraph;article:head,list(2);article:head,paragraph"},
      // ■ items beside each other stay a list.
      {"記事の題名\n本文です。\n■GPU\n■メモリ\n本文の続きです。\n", "article:head,paragraph,list(2),paragraph"},
  });
}

BOOST_AUTO_TEST_CASE(a_table_in_the_text_is_a_heading_over_a_list) {
  check_shapes({
      {"記事の題名\n本文です。\n〈主な数値〉\n売上高　1兆円\n営業利益　900億円\n本文の続きです。\n",
       "article:head,paragraph;article:head,list(2),paragraph"},
      // Before the byline at the end, the table stays with its title in the body (not a summary).
      {"記事の題名\n本文です。\n〈主な数値〉\n売上高　1兆円\n営業利益　900億円\n文:田中美咲\n",
       "article:head,paragraph;article:head,list(2);author:byline"},
  });
  // One row is no table; nor are sentences under the title.
  Document one = seg("記事の題名\n本文です。\n〈主な数値〉\n売上高　1兆円\n本文の続きです。\n");
  BOOST_TEST(shape(one).find("list") == std::string::npos, shape(one));
  Document prose = seg("記事の題名\n本文です。\n〈解説〉\n売上高は　伸びた。\n利益も　伸びた。\n");
  BOOST_TEST(shape(prose).find("list") == std::string::npos, shape(prose));
}

BOOST_AUTO_TEST_CASE(splitting_on_a_second_thread_changes_nothing) {
  std::string text;
  for (const char* name : {"lecture-quantum", "roundtable-ev", "interview-startup", "news-chip", "casual-chat-security"}) {
    std::ifstream f(std::string(JATEI_SOURCE_DIR) + "/corpora/" + name + ".txt", std::ios::binary);
    BOOST_REQUIRE(f.good());
    text.append(std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>());
  }
  Decoded d;
  d.text = text;
  d.encoding = "UTF-8";
  SegmentOptions one, two;
  one.parallel_min_bytes = static_cast<std::size_t>(-1);  // never
  two.parallel_min_bytes = 0;                             // always
  std::string a = tei::write(segment(d, one)), b = tei::write(segment(d, two));
  BOOST_TEST(a == b);
  std::string streamed;
  tei::StreamWriter w([&](std::string_view c) { streamed += c; }, 4096);
  segment_to(d, two, w);
  BOOST_TEST(streamed == a);
}

BOOST_AUTO_TEST_CASE(site_chrome_is_found_by_its_shape) {
  Document d = seg(
      "ホーム ＞ くらし ＞ ごみ\n"
      "電池の出し方が変わります\n"
      "128 いいね　96 ストック　3 コメント\n"
      "四月から、充電式電池を有害ごみとして集めます。ご注意ください。\n"
      "参考になった 12人　｜　違反報告\n"
      "本文の続きです。説明が続きます。\n");
  BOOST_TEST(division_of(d, "ホーム ＞ くらし ＞ ごみ") == "boilerplate");
  BOOST_TEST(kind_of(d, "電池の出し方が変わります") == "head");  // the title, after the chrome
  BOOST_TEST(division_of(d, "128 いいね　96 ストック　3 コメント") == "boilerplate");
  BOOST_TEST(division_of(d, "参考になった 12人　｜　違反報告") == "boilerplate");
  // A forum anchor is no breadcrumb, a rating no counter.
  Document forum = seg("題名です\n本文です。\n>>2\nそうなんか。\n★★★★☆ 4.0　よかった\n本文です。\n");
  BOOST_TEST(division_of(forum, ">>2") == "article");
  BOOST_TEST(division_of(forum, "★★★★☆ 4.0　よかった") == "article");
}

BOOST_AUTO_TEST_CASE(a_short_line_before_body_text_heads_it) {
  Document d = seg("記事の題名\n本文の一段落目です。長く続きます。\n変更の理由\n充電式の電池は、強い衝撃や圧力が加わると発火することがあります。だから分けて集めます。\n");
  BOOST_TEST(kind_of(d, "変更の理由") == "head");
  // Not a line that ends like a sentence or a chat line, nor a note in brackets.
  for (const char* line : {"でも昼は行列できとったで", "森　耳が痛いなあ（笑）", "（担当者が変更されました）", "午前十時二分開議"}) {
    Document x = seg(std::string("記事の題名\n本文の一段落目です。長く続きます。\n") + line +
                     "\n充電式の電池は、強い衝撃や圧力が加わると発火することがあります。だから分けて集めます。\n");
    BOOST_TEST(kind_of(x, line) == "paragraph", line);
  }
  // Where the document ends its sentences with punctuation, a title may hold one comma, open
  // with a quoted word, or end with a verb's te-form.
  const std::string body = "本文の一段落目です。とても長く続きます。ここまで読んでいただき、ありがとうございました。\n";
  const std::string punctuated = "記事の題名\n" + body + body + body + body + body;
  for (const char* line : {"バス路線の廃止、代わりの足を", "「手紙」の投稿を読んで"}) {
    Document x = seg(punctuated + line + "\n" + body);
    BOOST_TEST(kind_of(x, line) == "head", line);
  }
  // Not a row with a colon and commas, two commas, a whole quotation.
  for (const char* line : {"参加：田村、江口、宮本（記録）", "春が来て、花が咲き、鳥が鳴く", "「そうだね」"}) {
    Document x = seg(punctuated + line + "\n" + body);
    BOOST_TEST(kind_of(x, line) == "paragraph", line);
  }
  // ## Markdown headings.
  Document md = seg("題名\n本文です。\n## はじめに\n本文の続きです。\n");
  BOOST_TEST(kind_of(md, "## はじめに") == "head");
}

BOOST_AUTO_TEST_CASE(a_noun_phrase_alone_between_sentences_heads_what_follows) {
  // Between two sentences, however short the one under it; over the page's chrome too.
  Document d = seg(
      "記事の題名\n本文の一段落目です。長く続きます。\n後半戦\n後半は互角だった。\n試合の流れを変えたのは交代で入った選手だった。\n"
      "関連資料\n大会の記録（PDF：120KB）\n次の試合の案内（PDF：88KB）\nこのページの情報は役に立ちましたか？\n");
  BOOST_TEST(kind_of(d, "後半戦") == "head");
  BOOST_TEST(kind_of(d, "関連資料") == "head");
  // Not a word of speech ending in kana, nor a name said over each of someone's lines.
  for (const char* line : {"そうだね", "ほんとかな"}) {
    Document x = seg(std::string("記事の題名\n本文の一段落目です。長く続きます。\n") + line + "\n後半は互角だった。\n");
    BOOST_TEST(kind_of(x, line) == "paragraph", line);
  }
  Document names = seg("記事の題名\n本文の一段落目です。長く続きます。\n山田\nこんにちは。\n佐藤\nどうも。\n山田\nでは始めます。\n佐藤\nお願いします。\n");
  BOOST_TEST(kind_of(names, "佐藤") == "paragraph");
  // A line of U+3000 alone between sentences is no heading (and no trouble).
  Document blank = seg("記事の題名\n本文の一段落目です。長く続きます。\n\u3000\n後半は互角だった。\n");
  BOOST_TEST(shape(blank).find("head") == shape(blank).rfind("head"), shape(blank));  // the title's only
}

BOOST_AUTO_TEST_CASE(rows_the_document_lays_out_alike_are_a_list) {
  Document d = seg("題名\n本文です。とても長い説明です。\n材料（2人分）\n鶏むね肉　1枚\n小松菜　1/2束\n長ねぎ　1/2本\n作り方です。続きます。\n");
  BOOST_TEST(kind_of(d, "材料（2人分）") == "head");
  BOOST_TEST(kind_of(d, "鶏むね肉　1枚|小松菜　1/2束|長ねぎ　1/2本") == "list");
  Document kv = seg("題名\n本文です。\n会社名：空箱株式会社\n所在地：東京都品川区\n設立：2019年4月\n本文です。\n");
  BOOST_TEST(kind_of(kv, "会社名：空箱株式会社|所在地：東京都品川区|設立：2019年4月") == "list");
  // A dialogue repeats its speakers: no list.
  Document chat = seg("題名\n本文です。\nA：うん\nB：そうか\nA：まあね\n本文です。\n");
  BOOST_TEST(shape(chat).find("list") == std::string::npos, shape(chat));
  // A key that names a time may have a time in its value (勤務時間：7:00～16:00); a name over a
  // post's time is a post's header, no row.
  Document job = seg("題名\n本文です。\n募集要項\n勤務地：港町店\n勤務時間：7:00～16:00\n日時：10月5日（日）10:00～15:00\n給与：時給1,100円\n本文です。\n");
  BOOST_TEST(kind_of(job, "勤務地：港町店|勤務時間：7:00～16:00|日時：10月5日（日）10:00～15:00|給与：時給1,100円") == "list",
             shape(job));
  Document posts = seg("題名\n本文です。\nたろう：04/18 21:07\nはなこ：04/18 21:09\nじろう：04/18 21:15\n本文です。\n");
  BOOST_TEST(shape(posts).find("list") == std::string::npos, shape(posts));
  // Chapters: short lines that start with a time.
  Document ch = seg("題名\n本文です。\nチャプター\n00:00 オープニング\n02:15 睡眠負債とは\n本文です。\n");
  BOOST_TEST(kind_of(ch, "00:00 オープニング|02:15 睡眠負債とは") == "list");
}

BOOST_AUTO_TEST_CASE(the_close_of_a_page_is_chrome) {
  Document d = seg(
      "題名\n本文です。長い説明が続きます。\n本文の二段落目です。まだ続きます。\n"
      "このページに関するお問い合わせ\n環境部　ごみ減量推進課\n電話：0985-21-4470\n");
  BOOST_TEST(division_of(d, "環境部　ごみ減量推進課") == "boilerplate");
  // Comments after the chrome are the readers' posts, not chrome.
  Document c = seg(
      "題名\n本文です。長い説明が続きます。\n本文の二段落目です。まだ続きます。\n"
      "コメント一覧（2）\n1. 名無し　2024年08月05日 18:52\nそれはすごい\n");
  BOOST_TEST(division_of(c, "それはすごい") == "article");
}

BOOST_AUTO_TEST_CASE(a_readers_note_that_claims_nothing_is_chrome) {
  const std::string head = "記事の題名\n本文の一段落目です。長く続きます。\n";
  const std::string tail = "本文の二段落目です。まだ続きます。\n";
  // A note on prices, on what may change, on pictures: the page's furniture.
  for (const char* note : {"※表示価格はすべて税込みです。", "※内容は予告なく変わる場合があります。", "＊写真はイメージです。"}) {
    Document d = seg(head + note + "\n" + tail);
    BOOST_TEST(division_of(d, note) == "boilerplate", note << ": " << shape(d));
  }
  // A note that states a fact, or says how the text was made, stays in the text; so do the same
  // words outside a note.
  for (const char* line : {"※講座の録画は3月末まで公開しています。", "※ご意見は、趣旨を損なわない範囲で要約しています。",
                           "料金は季節によって変わる場合があります。"}) {
    Document d = seg(head + line + "\n" + tail);
    BOOST_TEST(division_of(d, line) == "article", line << ": " << shape(d));
  }
}

BOOST_AUTO_TEST_CASE(a_row_of_settings_buttons_is_chrome_not_the_title) {
  const std::string page = "台風の接近に備えて、早めの準備を\n2026年9月3日\n"
                           "台風12号が週末にかけて接近する見込みです。雨戸の点検や飲み水の用意など、早めの備えをお願いします。\n"
                           "避難所は、市内の小中学校など23か所です。\n";
  // A site's row of buttons for the letters' size and colours, over the title.
  for (const char* row : {"文字の大きさ 小 中 大　表示色 標準 反転", "文字サイズ　A A A　配色　白 黒"}) {
    Document d = seg(std::string(row) + "\n" + page);
    BOOST_TEST(division_of(d, row) == "boilerplate", row << ": " << shape(d));
    BOOST_TEST(d.header.title == "台風の接近に備えて、早めの準備を", row);
    BOOST_TEST(kind_of(d, "2026年9月3日") == "byline", row);
  }
  // A table's marks and a sentence spaced out into words are no buttons.
  for (const char* row : {"静音性 ◎ ○ △ ○ ×", "使った道具は 鍋 皿 箸 と 包丁"}) {
    Document d = seg(page + row + "\n" + "以上の結果を、次回の会合で報告する予定です。今年は参加者が増えました。\n" +
                     "次の会合は十月に開きます。詳しい日程は、決まり次第お知らせします。\n");
    BOOST_TEST(division_of(d, row) == "article", row << ": " << shape(d));
  }
}

BOOST_AUTO_TEST_CASE(the_title_is_found_after_the_page_furniture) {
  // A handle and a dateline over the title (a developer blog).
  Document blog = seg("@neko_dev(ねこ開発)\n投稿日 2024年03月02日\nバックアップを自動化する\n本文です。長い説明が続きます。\n");
  BOOST_TEST(kind_of(blog, "@neko_dev(ねこ開発)") == "byline");
  BOOST_TEST(kind_of(blog, "バックアップを自動化する") == "head");
  BOOST_TEST(blog.header.title == "バックアップを自動化する");
  // An addressee and the issuer's rows over a release's title.
  Document pr = seg(
      "2025年11月14日\n各　位\n会 社 名　空箱株式会社\n代表者名　代表取締役社長　山田 花子\n"
      "新製品の発売に関するお知らせ\n当社は、新製品を発売します。詳しくは以下の通りです。\n");
  BOOST_TEST(kind_of(pr, "2025年11月14日") == "byline");
  BOOST_TEST(kind_of(pr, "会 社 名　空箱株式会社") == "byline");
  BOOST_TEST(pr.header.title == "新製品の発売に関するお知らせ");
  // The site's name over a breadcrumb is chrome; the title follows.
  Document city = seg("南浜市ホームページ\nホーム ＞ くらし ＞ ごみ\n粗大ごみの出し方が変わります\n本文です。長い説明が続きます。\n");
  BOOST_TEST(division_of(city, "南浜市ホームページ") == "boilerplate");
  BOOST_TEST(city.header.title == "粗大ごみの出し方が変わります");
  // The title is the line right above the dateline: a shorter line over it is the site's name
  // (chrome), or the heading of a series when it numbers an instalment; the dateline is a byline.
  const std::string body = "2026年5月2日　編集部\n山あいの集落で、空き家を直して貸す取り組みが広がっている。今年は8軒が新しく借り手を見つけた。\n"
                           "町の担当者は、来年も同じ数を目指すという。\n";
  Document site = seg("ふもと暮らしノート\n空き家を直して貸す、山あいの町の小さな試み\n" + body);
  BOOST_TEST(division_of(site, "ふもと暮らしノート") == "boilerplate");
  BOOST_TEST(site.header.title == "空き家を直して貸す、山あいの町の小さな試み");
  BOOST_TEST(kind_of(site, "2026年5月2日　編集部") == "byline");
  Document series = seg("連載｜まちの手仕事　Vol.7\n空き家を直して貸す、山あいの町の小さな試み\n" + body);
  BOOST_TEST(kind_of(series, "連載｜まちの手仕事　Vol.7") == "head");
  BOOST_TEST(division_of(series, "連載｜まちの手仕事　Vol.7") != "boilerplate");
  BOOST_TEST(series.header.title == "空き家を直して貸す、山あいの町の小さな試み");
  // A shorter line under the title is the writer's handle, not the title.
  Document handle = seg("空き家を直して貸す、山あいの町の小さな試み\nふもとのひと\n" + body);
  BOOST_TEST(handle.header.title == "空き家を直して貸す、山あいの町の小さな試み");
}

BOOST_AUTO_TEST_CASE(numbered_lines_the_document_repeats_between_body_text_are_headings) {
  Document d = seg(
      "題名\n本文です。長い説明が続きます。\n１．試験の概要\n（１）対象：成人40名\n（２）期間：48週間\n"
      "２．結果の概要\n主な評価項目を達成しました。詳しくは別紙の通りです。\n");
  BOOST_TEST(kind_of(d, "１．試験の概要") == "head");
  BOOST_TEST(kind_of(d, "２．結果の概要") == "head");
  BOOST_TEST(kind_of(d, "（１）対象：成人40名|（２）期間：48週間") == "list");
  // Steps in a row stay a list.
  Document steps = seg("題名\n本文です。\n1．袋に入れる\n2．端子にテープを貼る\n3．集積所に出す\n収集日は地区によって異なります。カレンダーで確かめてください。\n");
  BOOST_TEST(kind_of(steps, "1．袋に入れる|2．端子にテープを貼る|3．集積所に出す") == "list");
}

BOOST_AUTO_TEST_CASE(a_table_of_contents_is_a_list) {
  Document d = seg("題名\n本文です。\n目次\nはじめに\n手順\nおわりに\n## はじめに\n本文です。\n## 手順\n本文です。\n## おわりに\n本文です。\n");
  BOOST_TEST(kind_of(d, "目次") == "head");
  BOOST_TEST(kind_of(d, "はじめに|手順|おわりに") == "list");
  // Without a head: short lines in a row that come back later as headings.
  Document bare = seg("題名\n本文です。\n背景\n方法\n結果\n■背景\n本文です。\n■方法\n本文です。\n■結果\n本文です。\n");
  BOOST_TEST(kind_of(bare, "背景|方法|結果") == "list");
}

BOOST_AUTO_TEST_CASE(links_to_other_pages_and_comment_heads_are_chrome) {
  Document d = seg(
      "題名\n本文です。長い説明が続きます。\n本文の二段落目です。まだ続きます。\n■関連スレ\n【朗報】株価が戻った模様\n"
      "積立額が過去最高になった理由ｗ\nコメント\n1. 名無し　2024年08月05日 18:52\nそれはすごい\n");
  BOOST_TEST(division_of(d, "■関連スレ") == "boilerplate");
  BOOST_TEST(division_of(d, "【朗報】株価が戻った模様") == "boilerplate");
  BOOST_TEST(division_of(d, "積立額が過去最高になった理由ｗ") == "boilerplate");
  BOOST_TEST(division_of(d, "コメント") == "boilerplate");
  BOOST_TEST(division_of(d, "それはすごい") == "article");
}

BOOST_AUTO_TEST_CASE(statements_and_embedded_posts_are_quotations) {
  Document d = seg(
      "題名\n本文です。長い説明が続きます。\n■代表取締役　山田 花子 コメント\n"
      "地域の暮らしを空から支えます。皆さまの期待に応えます。\n次の段落も談話の続きです。以上です。\n■今後の展開\n本文です。\n");
  BOOST_TEST(kind_of(d, "地域の暮らしを空から支えます。皆さまの期待に応えます。") == "quote");
  BOOST_TEST(kind_of(d, "次の段落も談話の続きです。以上です。") == "quote");
  BOOST_TEST(kind_of(d, "本文です。") == "paragraph");
  // A comment thread under a head of comments is no statement.
  Document thread = seg("題名\n本文です。長い説明が続きます。\n読者のコメント\nみかん　2024/02/01 10:00\nよかったです。\n");
  BOOST_TEST(kind_of(thread, "よかったです。") == "paragraph");
  // A post with its footer, and the picture link between them.
  Document post = seg(
      "題名\n本文です。長い説明が続きます。\n川の水があふれそう。みんな気をつけて。\npic.twitter.com/abc123\n"
      "— 山田花子 (@hanako_y) March 2, 2024\nその後、この投稿は削除された。\n");
  BOOST_TEST(kind_of(post, "川の水があふれそう。みんな気をつけて。|pic.twitter.com/abc123|— 山田花子 (@hanako_y) March 2, 2024") ==
             "quote");
  BOOST_TEST(kind_of(post, "その後、この投稿は削除された。") == "paragraph");
}

BOOST_AUTO_TEST_CASE(contents_entries_name_the_headings_and_the_writer_is_found_twice) {
  Document d = seg(
      "部屋の温湿度を記録する\nしらたま\n2025/02/08に公開\n本文の前置きです。長い説明が続きます。\n目次\n使ったもの\nグラフにする\n"
      "使ったもの\n部品はすべて通販でそろえました。合計で五千円ほどです。\nグラフにする\n"
      "たまった記録は折れ線グラフにしました。夜の変化がよく分かります。\nしらたま\n電子工作が好きなエンジニアです。\n");
  BOOST_TEST(kind_of(d, "しらたま") == "byline");
  BOOST_TEST(kind_of(d, "2025/02/08に公開") == "byline");
  BOOST_TEST(kind_of(d, "使ったもの|グラフにする") == "list");
  BOOST_TEST(kind_of(d, "グラフにする") == "head");  // listed in the contents, though it reads like a predicate
  BOOST_TEST(division_of(d, "電子工作が好きなエンジニアです。") == "author");
}

BOOST_AUTO_TEST_CASE(an_faq_under_a_heading_has_its_questions_as_headings) {
  Document d = seg(
      "題名\n本文です。長い説明が続きます。\n◆よくあるご質問\nＱ１　登記をしないと、すぐに罰せられるのですか。\n"
      "Ａ１　いいえ。まず催告があります。\nＱ２　登記簿はどう確かめますか。\nＡ２　法務局で請求できます。\n");
  BOOST_TEST(kind_of(d, "Ｑ１　登記をしないと、すぐに罰せられるのですか。") == "head");
  BOOST_TEST(kind_of(d, "Ｑ２　登記簿はどう確かめますか。") == "head");
  BOOST_TEST(kind_of(d, "Ａ１　いいえ。まず催告があります。") == "paragraph");
  // A Q&A column's questions open its body: they stay as they are.
  Document col = seg("題名\nこんにちは、担当の藤井です。今回も読者の質問に答えます。\nQ.何が違うの？\nA.睡眠の計測です。\n");
  BOOST_TEST(kind_of(col, "Q.何が違うの？") == "paragraph");
  // A line that introduces a quotation is text, whatever chrome words it holds.
  Document q = seg("題名\n本文です。長い説明が続きます。\n市は公式アカウントで次のように投稿した。\n断水しています。\n— 市役所 (@city_hall) 2025年1月12日\n");
  BOOST_TEST(division_of(q, "市は公式アカウントで次のように投稿した。") == "article");
}

BOOST_AUTO_TEST_CASE(numbered_questions_over_unmarked_answers_are_headings) {
  // Q1. Q2. Q3. in order, each over an answer that has no answer's mark: an FAQ's headings,
  // with or without a heading above them.
  Document d = seg(
      "よくある質問\nこのページでは、よくいただくご質問にお答えします。\nQ1. 充電はどのくらい持ちますか？\n"
      "通常の使い方で約2週間です。\nQ2. 防水ですか？\nいいえ、生活防水のみです。雨の日はご注意ください。\n"
      "Q3. 保証期間は？\n購入から1年間です。\n1．保証書を用意します。\n2．窓口に送ります。\n");
  BOOST_TEST(kind_of(d, "Q1. 充電はどのくらい持ちますか？") == "head");
  BOOST_TEST(kind_of(d, "Q2. 防水ですか？") == "head");
  BOOST_TEST(kind_of(d, "Q3. 保証期間は？") == "head");
  BOOST_TEST(kind_of(d, "いいえ、生活防水のみです。雨の日はご注意ください。") == "paragraph");
  // One numbered question alone, or numbers out of order, are no series.
  Document one = seg("題名\n本文です。長い説明が続きます。\nQ1. 防水ですか？\nいいえ、生活防水のみです。\n");
  BOOST_TEST(kind_of(one, "Q1. 防水ですか？") == "paragraph");
  Document skip = seg("題名\n本文です。長い説明が続きます。\nQ1. 防水ですか？\nいいえ。\nQ3. 保証は？\n1年です。\n");
  BOOST_TEST(kind_of(skip, "Q3. 保証は？") == "paragraph");
}

BOOST_AUTO_TEST_CASE(markdown_tables_quotes_and_directive_fences) {
  Document d = seg(
      "題名の行\n本文です。表と引用のある記事の本文が続きます。\n| 項目 | バージョン |\n| --- | --- |\n| numpy | 2.1 |\n"
      "本文です。表のあとにも説明の文が続きます。\n> 精度は撮影時の明るさで大きく変わります。\n:::message\n"
      "注意書きの文がここに入ります。\n:::\n本文です。最後の段落の文が続きます。\n");
  BOOST_TEST(kind_of(d, "| 項目 | バージョン ||| --- | --- ||| numpy | 2.1 |") == "list");
  BOOST_TEST(kind_of(d, "> 精度は撮影時の明るさで大きく変わります。") == "quote");
  BOOST_TEST(kind_of(d, ":::message") == "code");
  BOOST_TEST(kind_of(d, ":::") == "code");
  BOOST_TEST(kind_of(d, "注意書きの文がここに入ります。") == "paragraph");
  // A forum's anchor and quotation stay as they are.
  Document f = seg("題名の行\n本文です。長い説明が続きます。\n>>2\n>引用した言葉\n");
  BOOST_TEST(kind_of(f, ">>2") != "quote");
}

BOOST_AUTO_TEST_CASE(a_blog_header_with_an_icon_dates_and_tags) {
  Document d = seg(
      "🧾\nレシートの写真を家計簿にするまで\n2025/04/12に公開\nPython\nOCR\nSQLite\nはじめに\n"
      "毎月レシートを手で打ち込むのが面倒になったので、写真から読み取る仕組みを作りました。手順を紹介します。\n"
      "文字を読み取る\nOCRは、文字の場所を見つける検出と、文字を読む認識の二段階で動きます。設定は一つです。\n"
      "金額を取り出す\n読み取った行のうち、合計を含む行から数字だけを取り出します。正規表現で十分でした。\n"
      "結果\n四十二枚のレシートで試したところ、三十八枚の金額を正しく読めました。店名は半分ほどです。\n"
      "おわりに\n次は写真を送るだけで登録できるようにしたいと考えています。また書きます。\n"
      "参考\nOCR公式ドキュメント\n42\nいいね\nバッジを贈る\n");
  BOOST_TEST(division_of(d, "🧾") == "boilerplate");
  BOOST_TEST(kind_of(d, "レシートの写真を家計簿にするまで") == "head");
  BOOST_TEST(kind_of(d, "2025/04/12に公開") == "byline");
  for (const char* tag : {"Python", "OCR", "SQLite"}) BOOST_TEST(division_of(d, tag) == "boilerplate", tag);
  // In a text whose paragraphs end with punctuation, a short line without it heads what
  // follows, even when it ends with a predicate.
  for (const char* head : {"はじめに", "文字を読み取る", "金額を取り出す", "結果", "おわりに", "参考"})
    BOOST_TEST(kind_of(d, head) == "head", head);
  BOOST_TEST(kind_of(d, "OCR公式ドキュメント") == "list");
  BOOST_TEST(division_of(d, "42") == "boilerplate");
  // Without punctuation in the text, such a line is a sentence of its own.
  Document chat = seg("題名の行\n今日は朝から雨だった\n駅まで歩いた\nでも傘を忘れてた\n家に帰ってから気づいた\nもう一回出かける\n"
                      "また雨に降られてしまって大変だったけど、楽しい一日だった\n");
  BOOST_TEST(kind_of(chat, "もう一回出かける") == "paragraph");
}

BOOST_AUTO_TEST_CASE(rows_glossaries_and_profiles) {
  Document d = seg(
      "北浜ブルーウェーブ公式サイト\nホーム ＞ ニュース ＞ 試合結果\n【試合結果】第12節　北浜 vs 南港\n2025.11.16　試合レポート\n北浜　31－27　南港\n"
      "前半　14－15\n後半　17－12\n立ち上がりは南港のペースだった。後半に守備を変えて逆転した。\n"
      "【ポイント】\n・後半に守備の形を変えた\n・GKが連続でセーブした\n"
      "本文です。試合の流れをもう少し詳しく振り返ります。\n用語解説\n"
      "トレハロース：ブドウ糖が二つつながった糖。\n変異株：遺伝子の一部を変えた個体。\n論文情報\n"
      "タイトル：Pre-drought trehalose in moss\n著者：Ryosuke Mizuno, Aya Koda\n掲載誌：Plant Physiology\n"
      "石原 智恵（いしはら・ちえ）\n科学ライター。植物と気候の記事を多く手がける。\n");
  BOOST_TEST(kind_of(d, "2025.11.16　試合レポート") == "byline");
  BOOST_TEST(kind_of(d, "北浜　31－27　南港|前半　14－15|後半　17－12") == "list");
  BOOST_TEST(division_of(d, "・後半に守備の形を変えた|・GKが連続でセーブした") == "summary");
  BOOST_TEST(kind_of(d, "トレハロース：ブドウ糖が二つつながった糖。|変異株：遺伝子の一部を変えた個体。") == "list");
  BOOST_TEST(kind_of(d, "タイトル：Pre-drought trehalose in moss|著者：Ryosuke Mizuno, Aya Koda|掲載誌：Plant Physiology") ==
             "list");
  BOOST_TEST(kind_of(d, "石原 智恵（いしはら・ちえ）") != "head");
  // Names that come back as keys are a dialogue's labels, not a glossary.
  Document talk = seg("題名の行\n本文です。対談の様子をお届けします。\n対談\n山田：今日はよろしくお願いします。\n佐藤：こちらこそ。\n山田：さっそく始めましょう。\n");
  BOOST_TEST(kind_of(talk, "山田：今日はよろしくお願いします。") == "paragraph");
}

BOOST_AUTO_TEST_CASE(an_essay_page_header_and_a_quotation_after_kou_itta) {
  Document d = seg(
      "ログイン　会員登録\n見出し画像\n「聞いていいのかな」が消えた日\nみどり｜人事と読書\n2025年2月14日 21:03\n♡ 128\n"
      "前の職場では、会議で質問するのが怖かった。いつも黙ってメモを取るふりをしていた。\n"
      "転職して三か月。最初の週に、上司がこう言った。\n「分からないことを聞くのは、仕事の一部だからね」\n"
      "その一言で、肩の力が抜けた。少しずつ質問できるようになった。\n");
  BOOST_TEST(division_of(d, "見出し画像") == "boilerplate");
  BOOST_TEST(kind_of(d, "「聞いていいのかな」が消えた日") == "head");
  BOOST_TEST(division_of(d, "♡ 128") == "boilerplate");
  BOOST_TEST(kind_of(d, "「分からないことを聞くのは、仕事の一部だからね」") == "quote");
}

BOOST_AUTO_TEST_CASE(code_lines_are_text_without_sentences) {
  Document d = seg(
      "題名\n本文です。長い説明が続きます。\n$ npm install express\nTS=$(date +%Y%m%d)\n"
      "docker compose up -d\nimport smbus2, bme280\nrow = [now(), data.temperature]  # 記録する行\n"
      "print(\"こんにちは\")\n0 3 * * * /opt/backup.sh >> /var/log/backup.log 2>&1\n"
      "{\"status\":\"ok\"}が返ってくれば成功です。\n");
  for (const char* code : {"$ npm install express", "TS=$(date +%Y%m%d)", "docker compose up -d", "import smbus2, bme280",
                           "row = [now(), data.temperature]  # 記録する行", "print(\"こんにちは\")",
                           "0 3 * * * /opt/backup.sh >> /var/log/backup.log 2>&1"})
    BOOST_TEST(kind_of(d, code) == "code", code);
  // A sentence about code is a sentence.
  BOOST_TEST(kind_of(d, "{\"status\":\"ok\"}が返ってくれば成功です。") == "paragraph");
  // No sentence holds a line of code; the code is the leaf's text.
  for (const std::string& s : sentence_texts(d)) {
    BOOST_TEST(s.find("npm install") == std::string::npos);
    BOOST_TEST(s.find("print(") == std::string::npos);
  }
  std::string xml = jatei::tei::write(d);
  BOOST_TEST(xml.find("<ab xml:id=\"ab1\" type=\"code\">$ npm install express</ab>") != std::string::npos);
  // Read back, the blocks are code again and the document is the same.
  Document back = jatei::tei::read(xml);
  BOOST_TEST(kind_of(back, "docker compose up -d") == "code");
  BOOST_TEST(back.text() == d.text());
  BOOST_TEST(jatei::tei::write(back) == xml);
}

BOOST_AUTO_TEST_CASE(lines_that_only_look_technical_are_not_code) {
  Document d = seg(
      "題名\n本文です。長い説明が続きます。\n@pg_sensei 2024-03-03 21:15\nhttps://example.com/a?b=1\n"
      "Python RaspberryPi IoT\nSmith J. A study of sleep. J Med. 2013;3(2):4-9.\nRaspberry Pi 4 Model B (4GB)\n"
      "Wi-Fi 6E / USB-C\n本文の続きです。\n");
  for (const char* text : {"@pg_sensei 2024-03-03 21:15", "https://example.com/a?b=1", "Python RaspberryPi IoT",
                           "Smith J. A study of sleep. J Med. 2013;3(2):4-9.", "Raspberry Pi 4 Model B (4GB)",
                           "Wi-Fi 6E / USB-C"})
    BOOST_TEST(kind_of(d, text) != "code", text);
}

BOOST_AUTO_TEST_CASE(fenced_code_is_code_whatever_it_holds) {
  Document d = seg(
      "題名\n本文です。長い説明が続きます。\n```python\n# 死活監視用のエンドポイント\n\nreturn {\"status\": \"ok\"}\n```\n"
      "次の段落です。ここは文です。\n");
  BOOST_TEST(kind_of(d, "```python") == "code");
  BOOST_TEST(kind_of(d, "# 死活監視用のエンドポイント") == "code");  // not a Markdown heading inside a fence
  BOOST_TEST(kind_of(d, "return {\"status\": \"ok\"}") == "code");
  BOOST_TEST(kind_of(d, "```") == "code");
  BOOST_TEST(kind_of(d, "次の段落です。ここは文です。") == "paragraph");
  // A fence never closed is no fence.
  Document open = seg("題名\n本文です。長い説明が続きます。\n```\n次の段落です。ここは文です。\n");
  BOOST_TEST(kind_of(open, "次の段落です。ここは文です。") == "paragraph");
}

BOOST_AUTO_TEST_CASE(numbered_steps_between_commands_are_items) {
  Document d = seg(
      "題名\n本文です。長い説明が続きます。\n1. イメージをビルドする\n$ docker build -t api .\n2. コンテナを起動する\n"
      "$ docker run --rm -p 8000:8000 api\n結果が返ってくれば成功です。\n");
  BOOST_TEST(kind_of(d, "1. イメージをビルドする") == "list");
  BOOST_TEST(kind_of(d, "2. コンテナを起動する") == "list");
  BOOST_TEST(kind_of(d, "$ docker run --rm -p 8000:8000 api") == "code");
}

BOOST_AUTO_TEST_CASE(a_list_of_references_is_a_list) {
  Document d = seg(
      "題名\n本文です。長い説明が続きます。\n参考文献\n日本頭痛学会「頭痛の診療ガイドライン2021」\n"
      "Smith J. A study of sleep. J Med. 2013;3(2):4-9.\n※この記事は一般的な情報を提供するものです。\n");
  BOOST_TEST(kind_of(d, "参考文献") == "head");
  BOOST_TEST(kind_of(d, "日本頭痛学会「頭痛の診療ガイドライン2021」|Smith J. A study of sleep. J Med. 2013;3(2):4-9.") ==
             "list");
  BOOST_TEST(kind_of(d, "※この記事は一般的な情報を提供するものです。") != "list");
}

BOOST_AUTO_TEST_CASE(an_anchor_or_a_quoted_line_is_not_code) {
  Document d = seg("題名\n本文です。長い説明が続きます。\n>>2\n>>10 それな\n>引用です\n-Fcは形式を選ぶオプションです。\n");
  for (const char* text : {">>2", ">>10 それな", ">引用です", "-Fcは形式を選ぶオプションです。"})
    BOOST_TEST(kind_of(d, text) != "code", text);
}

BOOST_AUTO_TEST_CASE(the_time_stamps_of_a_live_blog_head_its_entries) {
  Document d = seg(
      "新型タブレット発表会を実況\n2025年10月2日 13:02（最終更新 14:40）\n本文の前置きです。随時お伝えします。\n14:40\n"
      "発表会は以上で終了しました。ありがとうございました。\n14:31更新\n価格が発表されました。\n・64GBモデル：5万9800円\n"
      "【14:05】\n発表会が始まりました。\n#発表会 #タブレット\n");
  BOOST_TEST(kind_of(d, "14:40") == "head");
  BOOST_TEST(kind_of(d, "14:31更新") == "head");
  BOOST_TEST(kind_of(d, "【14:05】") == "head");
  BOOST_TEST(kind_of(d, "2025年10月2日 13:02（最終更新 14:40）") == "byline");  // the dateline stays one
  BOOST_TEST(division_of(d, "#発表会 #タブレット") == "boilerplate");           // hashtags: tags
  // One time alone is no series of entries.
  Document one = seg("題名\n本文です。長い説明が続きます。\n14:40\n発表会は以上で終了しました。\n");
  BOOST_TEST(kind_of(one, "14:40") == "paragraph");
  // A Markdown heading is no hashtag.
  Document md = seg("題名\n本文です。長い説明が続きます。\n# はじめに\n本文です。\n");
  BOOST_TEST(kind_of(md, "# はじめに") == "head");
}

BOOST_AUTO_TEST_CASE(a_marked_title_after_the_chrome_and_the_desk_beside_the_dateline) {
  Document d = seg(
      "ホーム ＞ テック ＞ モバイル\n【随時更新】新型タブレット発表会を実況\n2025年10月2日 13:00（最終更新 14:42）\n"
      "テックジャーナル編集部　川口 里奈\n東京都内で開かれている発表会の様子を随時お伝えします。新しい情報が上に来ます。\n");
  BOOST_TEST(d.header.title == "【随時更新】新型タブレット発表会を実況");
  BOOST_TEST(kind_of(d, "2025年10月2日 13:00（最終更新 14:42）") == "byline");
  BOOST_TEST(kind_of(d, "テックジャーナル編集部　川口 里奈") == "byline");
  BOOST_TEST(kind_of(d, "東京都内で開かれている発表会の様子を随時お伝えします。新しい情報が上に来ます。") == "paragraph");
  // An addressee there is no signature.
  Document r = seg("新薬の試験結果に関するお知らせ\n2025年5月14日\n各　位\n当社は本日、試験の結果を公表しました。詳細は以下の通りです。\n");
  BOOST_TEST(kind_of(r, "各　位") != "byline");
}

BOOST_AUTO_TEST_CASE(a_letter_dated_addressed_and_signed_above_its_title) {
  Document d = seg(
      "令和7年6月20日\n保護者各位\n桜ケ丘市立みなみ野小学校\n校長　藤川 直樹\n個人面談の実施について（お知らせ）\n"
      "日頃より本校の教育活動にご理解とご協力をいただき、誠にありがとうございます。下記のとおり個人面談を実施いたします。\n"
      "記\n１．期　間　7月14日（月）～7月18日（金）\n２．場　所　各学級の教室\n以上\n"
      "・期間中は全学年が4時間授業となり、13時40分に下校します。\n・駐車場はありませんので、徒歩でお越しください。\n");
  BOOST_TEST(kind_of(d, "令和7年6月20日") == "byline");  // an era's date is a dateline
  BOOST_TEST(kind_of(d, "保護者各位") == "paragraph");
  BOOST_TEST(kind_of(d, "桜ケ丘市立みなみ野小学校") == "byline");
  BOOST_TEST(kind_of(d, "校長　藤川 直樹") == "byline");
  BOOST_TEST(d.header.title == "個人面談の実施について（お知らせ）");
  // The notes after the 以上 that closes the 記 are the letter's, not a summary.
  BOOST_TEST(division_of(d, "・期間中は全学年が4時間授業となり、13時40分に下校します。|・駐車場はありませんので、徒歩でお越しください。") ==
             "article");
  // A release's title under its addressee, over a subtitle and the issuer's dated line, stays the title.
  Document r = seg(
      "報道関係者各位\nドローンで山あいの集落に日用品を届けます\n～3村で定期便を開始～\n株式会社ソラハコ　2025年6月2日\n"
      "株式会社ソラハコは、山あいの集落へのドローン定期便を始めます。まず3村で運航します。\n");
  BOOST_TEST(r.header.title == "ドローンで山あいの集落に日用品を届けます");
  // Without a 記, a list after a trailer is still a summary.
  Document s = seg("題名\n本文です。長い説明が続きます。\n（つづく）\n・要点の一つ目\n・要点の二つ目\n");
  BOOST_TEST(division_of(s, "・要点の一つ目|・要点の二つ目") == "summary");
}

BOOST_AUTO_TEST_CASE(the_day_lines_of_a_log_head_their_days) {
  Document d = seg(
      "畑の記録\n2026/04/20\n週末ごとに祖父の畑を手伝っている。家族のトークをそのまま載せておく。\n"
      "2026/04/11(土)\n07:02\t祖父\t今日は雨だから畑はやめとく\n07:05\t母\t了解です。\n"
      "2026.04.18 土曜日\n06:48\t祖父\t晴れた。九時に来られるか\n4月19日（日）\n18:10\t母\t昨日はお疲れさま。\n");
  BOOST_TEST(kind_of(d, "2026/04/11(土)") == "head", shape(d));
  BOOST_TEST(kind_of(d, "2026.04.18 土曜日") == "head", shape(d));
  BOOST_TEST(kind_of(d, "4月19日（日）") == "head", shape(d));
  BOOST_TEST(kind_of(d, "2026/04/20") == "byline");  // the post's own date under its title
  // One day line alone is no log's: it stays as it was.
  Document one = seg("畑の記録\n週末ごとに祖父の畑を手伝っている。家族のトークをそのまま載せておく。\n2026/04/11(土)\n07:02\t祖父\t今日は雨だから畑はやめとく\n");
  BOOST_TEST(kind_of(one, "2026/04/11(土)") != "head", shape(one));
}

BOOST_AUTO_TEST_CASE(numbered_contents_entries_come_back_as_headings) {
  Document d = seg(
      "逆流性食道炎の症状と受診の目安\n胸やけが続くとき、逆流性食道炎が隠れていることがあります。主な症状をまとめました。\n目次\n"
      "1. 逆流性食道炎とは\n2. 主な症状\n3. 参考文献\n1. 逆流性食道炎とは\n胃酸が食道に逆流し、粘膜に炎症が起こる病気です。\n"
      "2. 主な症状\n胸やけや呑酸が代表的な症状です。\n3. 参考文献\n[1] 日本消化器病学会編「診療ガイドライン2021」\n"
      "[2] 厚生労働省「e-ヘルスネット」\n");
  BOOST_TEST(kind_of(d, "目次") == "head");
  BOOST_TEST(kind_of(d, "1. 逆流性食道炎とは|2. 主な症状|3. 参考文献") == "list");
  // Where they come back they are headings, not items beside the contents or the references.
  auto heads = 0;
  for (auto& b : blocks(d)) heads += b.kind == BlockKind::head && (b.text == "1. 逆流性食道炎とは" || b.text == "3. 参考文献");
  BOOST_TEST(heads == 2);
  BOOST_TEST(kind_of(d, "[1] 日本消化器病学会編「診療ガイドライン2021」|[2] 厚生労働省「e-ヘルスネット」") == "list");
}

BOOST_AUTO_TEST_CASE(a_statement_in_brackets_under_the_name_of_who_made_it) {
  Document d = seg(
      "リーグ戦第7節　港南、終盤の逆転で3連勝\n前半は相手のフォワードに押され、2本のトライを許した。後半は大きくボールを動かした。\n"
      "試合後コメント\n大迫 勇人ヘッドコーチ\n「前半は後手に回りましたが、最後まで走り切った選手を誇りに思います」\n"
      "岩城 優斗キャプテン\n「苦しい時間が長かったですが、全員で我慢できました」\n次節は12月21日、アウェーで北陵と対戦する。\n");
  BOOST_TEST(kind_of(d, "試合後コメント") == "head");
  BOOST_TEST(kind_of(d, "大迫 勇人ヘッドコーチ") == "head");
  BOOST_TEST(kind_of(d, "「前半は後手に回りましたが、最後まで走り切った選手を誇りに思います」") == "quote");
  BOOST_TEST(kind_of(d, "岩城 優斗キャプテン") == "head");
  BOOST_TEST(kind_of(d, "「苦しい時間が長かったですが、全員で我慢できました」") == "quote");
  // Two quotations in one paragraph are no statement wholly in brackets; nor is one without a heading above it.
  Document t = seg(
      "題名\n本文です。長い説明が続きます。\n大迫 勇人ヘッドコーチ\n「前半は後手に回りました」「最後まで走り切りました」\n"
      "本文です。「前半は後手に回りましたが、最後まで走り切りました」\n");
  BOOST_TEST(kind_of(t, "「前半は後手に回りました」「最後まで走り切りました」") == "paragraph");
}

BOOST_AUTO_TEST_CASE(a_reply_slip_under_a_cut_line) {
  Document d = seg(
      "個人面談の実施について\n下記のとおり個人面談を実施いたします。ご協力をお願いいたします。\n"
      "ご不明な点は、担任までお問い合わせください。\n"
      "----------------------------- キリトリ -----------------------------\n個人面談　希望調査票\n"
      "保護者名（　　　　　　　　　　）\n第1希望　（　　）月（　　）日　（　　）時ごろ\n第2希望　（　　）月（　　）日　（　　）時ごろ\n"
      "桜ケ丘市立みなみ野小学校　TEL 072-555-0148\n");
  BOOST_TEST(division_of(d, "----------------------------- キリトリ -----------------------------") == "boilerplate");
  BOOST_TEST(kind_of(d, "個人面談　希望調査票") == "head");
  // The slip's rows are no chrome of the page's close.
  BOOST_TEST(division_of(d, "第1希望　（　　）月（　　）日　（　　）時ごろ") != "boilerplate");
  // Three dashes are no rule across the page.
  Document md = seg("題名\n本文です。長い説明が続きます。\n---\n本文です。続きです。\n");
  BOOST_TEST(division_of(md, "---") != "boilerplate");
}

BOOST_AUTO_TEST_CASE(a_line_naming_the_part_of_the_person_under_it) {
  Document d = seg(
      "逆流性食道炎の症状と受診の目安\nこの記事の監修医師\n西園寺消化器内科クリニック　院長　小野寺 麻衣\n"
      "2024年10月2日公開　2025年8月18日更新\n胸やけが続くとき、逆流性食道炎が隠れていることがあります。主な症状をまとめました。\n"
      "薬をやめると再発しやすいため、生活習慣も見直すことが大切です。\nこの記事を書いた人\nぬるぽ\n"
      "業務システムの保守をしているエンジニア。SQLが好きです。\n");
  BOOST_TEST(kind_of(d, "この記事の監修医師") == "byline");  // before the body: the byline's first line
  BOOST_TEST(kind_of(d, "西園寺消化器内科クリニック　院長　小野寺 麻衣") == "byline");
  BOOST_TEST(kind_of(d, "2024年10月2日公開　2025年8月18日更新") == "byline");
  BOOST_TEST(kind_of(d, "この記事を書いた人") == "head");  // after it: the author box's heading
  BOOST_TEST(kind_of(d, "ぬるぽ") == "byline");
  BOOST_TEST(division_of(d, "業務システムの保守をしているエンジニア。SQLが好きです。") == "author");
}

BOOST_AUTO_TEST_CASE(a_blog_name_a_button_and_a_date_over_the_title_and_links_to_other_posts) {
  Document d = seg(
      "ぬるぽ開発日誌\n読者になる\n2025-09-21\nSQLiteの全文検索で社内メモを検索できるようにした\n"
      "社内のメモアプリに検索機能がなく、毎回苦労していました。そこで全文検索を使ってみました。\n検索の例\n"
      "SELECT title FROM memo_fts WHERE memo_fts MATCH '議事録' LIMIT 20;\n結果は数ミリ秒で返ってきました。短い語はLIKEで補っています。\n"
      "« Rustで書いたCLIツールを配布する\nDockerのログが溜まりすぎた話 »\n");
  BOOST_TEST(d.header.title == "SQLiteの全文検索で社内メモを検索できるようにした");
  BOOST_TEST(division_of(d, "ぬるぽ開発日誌") == "boilerplate");
  BOOST_TEST(division_of(d, "読者になる") == "boilerplate");
  BOOST_TEST(kind_of(d, "2025-09-21") == "byline");
  BOOST_TEST(kind_of(d, "検索の例") == "head");  // a heading over a line of code
  BOOST_TEST(division_of(d, "« Rustで書いたCLIツールを配布する") == "boilerplate");
  BOOST_TEST(division_of(d, "Dockerのログが溜まりすぎた話 »") == "boilerplate");
  // A club's site name, a category row, then the title in a row over the dateline with its crowd.
  Document r = seg(
      "港南シーガルズ オフィシャルサイト\nNEWS　試合結果\nリーグ戦第7節　港南シーガルズ、終盤の逆転で3連勝\n"
      "2025年12月14日（日）　港南フットボールパーク　観衆 6,312人\n港南シーガルズ　27－24　西都レッドホークス\n前半　10－17\n"
      "前半は西都の強いフォワードに押され、2本のトライを許した。後半は大きくボールを動かした。\n");
  BOOST_TEST(r.header.title == "リーグ戦第7節　港南シーガルズ、終盤の逆転で3連勝");
  BOOST_TEST(division_of(r, "港南シーガルズ オフィシャルサイト") == "boilerplate");
  BOOST_TEST(kind_of(r, "2025年12月14日（日）　港南フットボールパーク　観衆 6,312人") == "byline");
}

BOOST_AUTO_TEST_CASE(a_spoken_first_line_is_not_the_title) {
  const std::string body = "\n友達が言うには、それは本当らしい。私も試してみた。\n結果は思ったよりよかった。また報告します。\n";
  for (const std::string first : {"今日はちょっと真面目な話をするね", "ねえ、聞いてよ、昨日さ駅で財布を落としちゃってさ",
                                  "先生、量子コンピューターって結局何がすごいんですか",
                                  "「それ、本当に効くの？」って母に聞かれたのが始まりだった",
                                  "マジでこの新作ゲーム、神ゲーすぎて寝れないんだけど", "いやー、まさかここまで伸びるとは思わなかったなあ"}) {
    Document d = seg(first + body);
    BOOST_TEST(d.header.title != first);
    BOOST_TEST(kind_of(d, first) == "paragraph", first);
  }
  // Titles that end in a noun, a particle nouns end with, a quoted word or a plain predicate stay titles.
  for (const std::string title : {"本当の強さ", "すべては一杯のコーヒーから", "なぜ日本は負けたのか", "「辞めたい」と思ったら読む記事",
                                  "新型チップの量産始まる", "会社を辞めてフリーランスになった話"}) {
    Document d = seg(title + body);
    BOOST_TEST(d.header.title == title);
  }
}

BOOST_AUTO_TEST_CASE(the_numbered_posts_of_a_thread_over_one_footer_are_one_quotation) {
  Document d = seg(
      "大雪の朝、通勤客の投稿が話題に\n大雪の朝、ある会社員の連続投稿が注目を集めた。本人の許可を得て紹介する。\n"
      "1/3 駅に着いたら改札の前まで人があふれていました。\n2/3 振替輸送の案内が出ましたが、バスも満員です。\n"
      "3/3 結局、会社には2時間遅れで着きました。\n— 雪国の会社員 (@yukiguni_w) January 8, 2025\n"
      "投稿には多くの共感が寄せられた。鉄道会社は混雑への対策を検討している。\n");
  BOOST_TEST(kind_of(d, "1/3 駅に着いたら改札の前まで人があふれていました。|2/3 振替輸送の案内が出ましたが、バスも満員です。|"
                        "3/3 結局、会社には2時間遅れで着きました。|— 雪国の会社員 (@yukiguni_w) January 8, 2025") == "quote");
  // Numbers out of order, or a date (1/8に), are no thread.
  Document t = seg(
      "題名\n本文です。長い説明が続きます。\n1/8に大雪が降りました。駅は混みました。\n3/3 結局、会社には2時間遅れで着きました。\n"
      "— 雪国の会社員 (@yukiguni_w) January 8, 2025\n本文です。続きです。\n");
  BOOST_TEST(kind_of(t, "1/8に大雪が降りました。駅は混みました。") == "paragraph");
}

BOOST_AUTO_TEST_CASE(lists_without_marks_in_a_punctuated_text) {
  const std::string para = "この段落は説明のための文です。句点で終わる長さの文がもう一つ続きます。\n";
  Document d = seg(
      "自宅NASのバックアップを自動化した\n" + para +
      "この記事でやること\nNASの写真フォルダを暗号化してバックアップする\nsystemdのタイマーで毎晩動かす\n復元できるかを確かめる\n"
      "環境\nNAS　自作\nrestic　0.17.3\n" + para + para + para + "まとめ\nresticは設定が少なく、暗号化も入っている\n"
      "タイマーならログも追いやすい\n復元のテストは定期的にやる\n" + para);
  BOOST_TEST(kind_of(d, "この記事でやること") == "head");
  BOOST_TEST(kind_of(d, "NASの写真フォルダを暗号化してバックアップする|systemdのタイマーで毎晩動かす|復元できるかを確かめる") == "list");
  BOOST_TEST(kind_of(d, "環境") == "head");  // the last short line over rows heads them
  BOOST_TEST(division_of(d, "resticは設定が少なく、暗号化も入っている|タイマーならログも追いやすい|復元のテストは定期的にやる") ==
             "summary");
  // A name said again over each speech bubble is no item; nor is anything in a text whose
  // paragraphs do not end with punctuation.
  Document bubbles = seg(
      "水道料金の話\n" + para + "ミズ子\n値上げってほんとなの\nミズ子\n困っちゃうなあ\n" + para + para + para + para);
  BOOST_TEST(kind_of(bubbles, "ミズ子") != "list");
}
BOOST_AUTO_TEST_CASE(corrections_and_addenda_are_notes) {
  const std::string text =
      "路線バス3路線を再編へ\n北浜市は、市内の路線バス3路線を4月から再編すると発表した。利用者の少ない区間を減らす。\n"
      "【訂正】当初、再編の対象を「4路線」としていましたが、「3路線」の誤りでした。訂正します。\n"
      "追記（3/4）：コメントで、土日の便も減ると教えていただきました。ありがとうございます。\n"
      "（12月3日 18時追記）\n市は説明会を開く予定だ。\n";
  Document d = seg(text);
  std::map<std::string, std::string> types;
  for (auto& div : d.divisions)
    for (auto& t : div.turns)
      for (auto& b : t.blocks)
        if (b.kind == BlockKind::note) types[jatei::leaf_text(b.leaves[0])] = b.leaves[0].attrs.value("type");
  BOOST_TEST(types["【訂正】当初、再編の対象を「4路線」としていましたが、「3路線」の誤りでした。訂正します。"] == "correction");
  BOOST_TEST(types["追記（3/4）：コメントで、土日の便も減ると教えていただきました。ありがとうございます。"] == "addendum");
  BOOST_TEST(types["（12月3日 18時追記）"] == "addendum");
  BOOST_TEST(types.size() == 3u);
  BOOST_TEST(kind_of(d, "市は説明会を開く予定だ。") == "paragraph");
  // Written <note xml:id="nN" type="…"> with the sentences inside, read back as notes, and the
  // same bytes streamed as written from the document.
  std::string xml = whole(text);
  BOOST_TEST(xml.find("<note xml:id=\"n1\" type=\"correction\"><s xml:id=") != std::string::npos);
  BOOST_TEST(xml.find("<note xml:id=\"n2\" type=\"addendum\">") != std::string::npos);
  BOOST_TEST(streamed(text, 64) == xml);
  BOOST_TEST(jatei::tei::write(jatei::tei::read(xml, "t.tei.xml")) == xml);
  BOOST_TEST(shape(jatei::tei::read(xml, "t.tei.xml")) == shape(segment(utf8(text), named())));
  // A note a person added by hand (no such type) stays as it was.
  std::string hand = xml;
  hand.replace(hand.find("</body>"), 0, "<div type=\"article\"><note resp=\"#ed1\">確認中</note></div>");
  BOOST_TEST(jatei::tei::write(jatei::tei::read(hand, "t.tei.xml")) == hand);
  // 訂正 inside a sentence, or a heading that only names the word, is no notice.
  Document plain = seg("題名\n本文です。誤り訂正の仕組みを説明します。\n訂正の仕組み\n本文です。続きです。\n");
  BOOST_TEST(shape(plain).find("note") == std::string::npos, shape(plain));
}


// Structure, session 23 (issue 12): signatures, rows of a listing, counters, captions with a
// credit, numbered entries, a heading under a timetable.

BOOST_AUTO_TEST_CASE(a_signature_over_a_comment_is_its_byline_not_a_heading) {
  // The agent's signature (company, role, name) over his comment after the body: a byline that
  // opens the part it signs, in the article (no author box, the comment no bio).
  const std::string text =
      "北浜駅徒歩6分　3LDK・東南角部屋\n"
      "駅から歩いて6分の、日当たりの良い角部屋です。周りには公園と小学校があり、子育て中の家族に人気の地域です。\n"
      "■担当者コメント\n"
      "ひばり不動産 北浜店　営業担当・森下\n"
      "今年の春に床と壁紙を張り替えており、すぐに暮らせる状態です。ご案内が続いていますので、早めに決まるかもしれません。\n"
      "在宅で仕事をされる方には、特におすすめできるお部屋だと思います。\n"
      "以前のコメント\n"
      "店長　山田\n"
      "リフォームの詳しい内容は、店頭でもご説明しています。お気軽にお立ち寄りください。\n";
  Document d = seg(text);
  BOOST_TEST(kind_of(d, "ひばり不動産 北浜店　営業担当・森下") == "byline", shape(d));
  BOOST_TEST(division_of(d, "ひばり不動産 北浜店　営業担当・森下") == "article");
  BOOST_TEST(division_of(d, "在宅で仕事をされる方には、特におすすめできるお部屋だと思います。") == "article");
  BOOST_TEST(kind_of(d, "店長　山田") == "byline", shape(d));
  check_tei_div_order(d, text);
  // A name before its role over a comment (a match report's 村上 康平 監督) stays a heading; so
  // does a role word inside a heading (担当者からのお知らせ) and a role with no name after it.
  const std::string report =
      "第12節　北浜、逆転で3連勝\n"
      "前半は相手のペースだったが、後半の守備の切り替えで流れを引き寄せた。最後は森田の得点で逆転した。\n"
      "■試合後のコメント\n"
      "村上 康平 監督\n"
      "前半は相手の速攻に対応できず、苦しい時間が続きました。後半はよく修正してくれました。\n"
      "担当者からのお知らせ\n"
      "次の試合のチケットは、公式オンラインショップで販売しています。売り切れにご注意ください。\n";
  Document r = seg(report);
  BOOST_TEST(kind_of(r, "村上 康平 監督") == "head", shape(r));
  BOOST_TEST(kind_of(r, "担当者からのお知らせ") == "head", shape(r));
}

BOOST_AUTO_TEST_CASE(key_value_rows_of_a_listing_are_items) {
  // Several consecutive key：value rows: a longer key of nouns (管理費・修繕積立金), a row already
  // marked (・間取り：), a short sentence as a value (状態：…。) are rows of the same list.
  const std::string text =
      "中古スマートフォン　ブルー　128GB\n"
      "出品者のコメントです。半年ほど使いましたが、大きな傷はありません。箱と充電ケーブルも付けます。\n"
      "所在地：北浜市港南町\n"
      "価格：18,000円\n"
      "・間取り：なし\n"
      "状態：目立つ傷はありません。\n"
      "管理費・修繕積立金：不要\n"
      "ご質問はコメント欄からどうぞ。できるだけ早くお返事します。\n";
  Document d = seg(text);
  BOOST_TEST(kind_of(d, "所在地：北浜市港南町|価格：18,000円|・間取り：なし|状態：目立つ傷はありません。|管理費・修繕積立金：不要") ==
                 "list",
             shape(d));
  // A dialogue in name：speech lines is no list, even with a key that looks like a row's.
  Document talk = seg(
      "座談会　町の本屋を語る\n"
      "司会：本日はよろしくお願いします。\n"
      "山田：よろしくお願いします。\n"
      "佐藤：こちらこそ。\n"
      "山田：最初に、町の本屋が減っている理由から話しましょう。\n");
  BOOST_TEST(shape(talk).find("list") == std::string::npos, shape(talk));
}

BOOST_AUTO_TEST_CASE(a_button_and_its_counter_are_one_piece_of_chrome) {
  Document d = seg(
      "秋まつりを開きました\n"
      "10月12日に、地区の秋まつりを開きました。たくさんの方に来ていただき、ありがとうございました。\n"
      "来年もよろしくお願いします。皆さんのご参加をお待ちしています。\n"
      "いいね！ 23\n"
      "#秋まつり #地域\n");
  BOOST_TEST(kind_of(d, "いいね！ 23") == "paragraph");
  BOOST_TEST(division_of(d, "いいね！ 23") == "boilerplate");
  auto s = sentence_texts(d);
  BOOST_TEST((std::find(s.begin(), s.end(), "いいね！ 23") != s.end()), "the button and its count are one sentence");
  // A sentence that ends with ！ before a figure in the body is still two sentences.
  Document body = seg("題名\n本当に楽しかったです！ 3年ぶりの開催でした。\n");
  BOOST_TEST(sentence_texts(body).size() == 3u);
}

BOOST_AUTO_TEST_CASE(photo_captions_by_their_credit_and_marks) {
  Document d = seg(
      "防災フェスタに650人\n"
      "10月12日、小学校の校庭で防災フェスタを開きました。昨年より150人多い方に来ていただきました。\n"
      "↑煙体験テントから出てきた子どもたち（撮影：広報部・岡村）\n"
      "体育館では防災クイズ大会を開きました。小学生から80代までの42人が参加しました。\n"
      "クイズ大会の表彰式の様子（写真提供：みなと台小学校PTA）\n"
      "お昼には炊き出し訓練を行いました。用意した400食は1時間ほどでなくなりました。\n"
      "写真左：豚汁を配る中学生ボランティア　写真右：アルファ化米の試食コーナー\n"
      "来年もぜひお越しください。皆さんのご参加をお待ちしています。\n");
  BOOST_TEST(kind_of(d, "↑煙体験テントから出てきた子どもたち（撮影：広報部・岡村）") == "figure", shape(d));
  BOOST_TEST(kind_of(d, "クイズ大会の表彰式の様子（写真提供：みなと台小学校PTA）") == "figure", shape(d));
  BOOST_TEST(kind_of(d, "写真左：豚汁を配る中学生ボランティア　写真右：アルファ化米の試食コーナー") == "figure", shape(d));
  // A sentence with a credit in brackets, and an arrow before a sentence, stay paragraphs.
  Document body = seg(
      "題名\n当日の様子はこちらです。写真は広報部が撮りました（撮影：広報部）\n↑上の表のとおり、参加者は昨年より増えました。\n");
  BOOST_TEST(shape(body).find("figure") == std::string::npos, shape(body));
}

BOOST_AUTO_TEST_CASE(entries_numbered_in_order_head_their_text) {
  // No.1 … No.4 over an opinion and the answer to it (a public comment's result): headings.
  const std::string text =
      "自転車計画（案）に対する意見募集の結果について\n"
      "県では、計画（案）について県民の皆様からご意見を募集しました。ご意見の概要と県の考え方を公表します。\n"
      "No.1（第2章　現状と課題）\n"
      "【ご意見】\n"
      "通学路の対策をもっと具体的に書くべきではないか。\n"
      "【県の考え方】\n"
      "第4章に、県立高校での交通安全教室を追記しました。\n"
      "No.2（第3章　シェアサイクル）\n"
      "シェアサイクルのポートを郊外にも置いてほしい。\n"
      "No.3（その他）\n"
      "ヘルメットの購入費を補助してほしい。\n";
  Document d = seg(text);
  BOOST_TEST(kind_of(d, "No.1（第2章　現状と課題）") == "head", shape(d));
  BOOST_TEST(kind_of(d, "No.2（第3章　シェアサイクル）") == "head", shape(d));
  BOOST_TEST(kind_of(d, "No.3（その他）") == "head", shape(d));
  check_tei_div_order(d, text);
  // Not in order from 1 (answers of a Q&A site, newest first): no headings.
  Document qa = seg("トマトの実が割れます\n水やりの回数を教えてください。\nNo.3　ベストアンサー\n朝に一度で十分です。\nNo.2　回答者：daikon\n雨の前は控えましょう。\n");
  BOOST_TEST(kind_of(qa, "No.2　回答者：daikon") != "head", shape(qa));
  // Numbered in order, but each with a handle and when it was posted (a board's post headers,
  // the speaker stage's labels): no headings either.
  Document board = seg(
      "雑談スレ\nNo.1　あおば　05/02 20:11\n新しい駅、来月できるらしいです。\nNo.2　かもめ　05/02 20:15\n"
      "＞＞1　それは初耳でした。\nNo.3　あおば　05/02 20:19\nポスターが貼ってありました。\n");
  BOOST_TEST(kind_of(board, "No.1　あおば　05/02 20:11") != "head", shape(board));
  BOOST_TEST(kind_of(board, "No.2　かもめ　05/02 20:15") != "head", shape(board));
}

BOOST_AUTO_TEST_CASE(a_heading_under_the_last_row_of_a_timetable) {
  Document d = seg(
      "防災フェスタ開催レポート\n"
      "10月12日、小学校の校庭で防災フェスタを開きました。昨年より150人多い方に来ていただきました。\n"
      "当日のプログラム\n"
      "10:00　開会式\n"
      "11:00　防災クイズ大会\n"
      "14:30　閉会\n"
      "起震車と煙体験\n"
      "校庭では、起震車で震度7の揺れを体験できるコーナーを設けました。順番待ちの列は一時30人を超えました。\n");
  BOOST_TEST(kind_of(d, "起震車と煙体験") == "head", shape(d));
}

BOOST_AUTO_TEST_CASE(numbered_headings_beside_a_list_numbered_alike) {
  // １．… headings over body text, and inside one section a list numbered in the same style
  // (items one under the other): the lone ones head, the run stays a list; the third heading,
  // over a plain subheading, heads too once the style is one of headings.
  const std::string text =
      "清掃活動のご報告\n"
      "６月に海岸の清掃を行いました。社員と家族あわせて92人が参加しました。\n"
      "１．当日の流れ\n"
      "朝9時に集合し、班ごとに作業を始めました。作業は11時に終わりました。\n"
      "２．集まったごみ\n"
      "集まったごみは、次のとおりです。\n"
      "１．可燃ごみ　48袋\n"
      "２．ペットボトル・缶　17袋\n"
      "最も多かったのは、細かいプラスチック片でした。\n"
      "３．参加者から\n"
      "親子で拾う\n"
      "経理部の石田さんは、娘さんと参加しました。家でも分別を話し合うそうです。\n";
  Document d = seg(text);
  BOOST_TEST(kind_of(d, "１．当日の流れ") == "head", shape(d));
  BOOST_TEST(kind_of(d, "２．集まったごみ") == "head", shape(d));
  BOOST_TEST(kind_of(d, "３．参加者から") == "head", shape(d));
  BOOST_TEST(kind_of(d, "１．可燃ごみ　48袋|２．ペットボトル・缶　17袋") == "list", shape(d));
  check_tei_div_order(d, text);
}

BOOST_AUTO_TEST_CASE(a_short_heading_over_a_line_that_ends_with_a_quotation) {
  // Over a name and what the person said (…川村さん「…」), a short line heads; a bracketed line
  // that opens with a credit's key is a credit, with or without a colon.
  Document d = seg(
      "清掃活動のご報告\n"
      "６月に海岸の清掃を行いました。社員と家族あわせて92人が参加しました。\n"
      "初めての浜\n"
      "この春に入社した営業部の川村さん「浜に来たのは今日が初めてでした」\n"
      "次回は秋に、川の清掃を計画しています。\n"
      "（文・写真　広報グループ　西岡）\n");
  BOOST_TEST(kind_of(d, "初めての浜") == "head", shape(d));
  BOOST_TEST(kind_of(d, "（文・写真　広報グループ　西岡）") == "byline", shape(d));
}

BOOST_AUTO_TEST_CASE(points_under_a_heading_that_names_a_summary_where_a_summary_stands) {
  // この記事の3つのポイント first in the body and 今日のおさらい last: summaries; 撮影のポイント
  // between sections heads a section's items.
  const std::string text =
      "【解説】電気代、なぜ冬に上がる？　明細の3か所を見れば分かる\n"
      "冬になると電気代が急に上がった、という声が毎年寄せられます。理由は使う量だけではありません。\n"
      "この記事の3つのポイント\n"
      "・使用量が同じでも、単価が上がれば請求額は増える\n"
      "・燃料費調整額は毎月変わる\n"
      "明細の見方\n"
      "まず見るのは、明細の「ご使用量」の欄です。前の年の同じ月と比べてください。\n"
      "撮影のポイント\n"
      "・明細は明るい所で撮る\n"
      "・数字の欄を大きく写す\n"
      "写真に撮っておくと、前の年の明細と並べて比べられます。家族とも共有できます。\n"
      "今日のおさらい\n"
      "・まず使用量を前の年と比べる\n"
      "・単価の変化は燃料費調整額の行で分かる\n";
  Document d = seg(text);
  BOOST_TEST(kind_of(d, "【解説】電気代、なぜ冬に上がる？　明細の3か所を見れば分かる") == "head", shape(d));
  BOOST_TEST(division_of(d, "・使用量が同じでも、単価が上がれば請求額は増える|・燃料費調整額は毎月変わる") == "summary", shape(d));
  BOOST_TEST(division_of(d, "・明細は明るい所で撮る|・数字の欄を大きく写す") == "article", shape(d));
  BOOST_TEST(division_of(d, "・まず使用量を前の年と比べる|・単価の変化は燃料費調整額の行で分かる") == "summary", shape(d));
  check_tei_div_order(d, text);
}

BOOST_AUTO_TEST_CASE(statements_with_who_said_them_under_a_heading) {
  Document d = seg(
      "電気代の明細の読み方\n"
      "冬になると電気代が急に上がった、という声が毎年寄せられます。理由は使う量だけではありません。\n"
      "読者の声\n"
      "「明細を見比べたら、単価の方が大きく変わっていました」（会社員・40代）\n"
      "「設定温度を1度下げただけで、使用量が1割ほど減りました」（パート・50代）\n"
      "節電の効果は家によって違います。まずは明細で数字を確かめてみてください。\n");
  BOOST_TEST(kind_of(d, "読者の声") == "head", shape(d));
  BOOST_TEST(kind_of(d, "「明細を見比べたら、単価の方が大きく変わっていました」（会社員・40代）") == "quote", shape(d));
  BOOST_TEST(kind_of(d, "「設定温度を1度下げただけで、使用量が1割ほど減りました」（パート・50代）") == "quote", shape(d));
  BOOST_TEST(kind_of(d, "節電の効果は家によって違います。まずは明細で数字を確かめてみてください。") == "paragraph", shape(d));
}

BOOST_AUTO_TEST_CASE(a_headline_under_a_breadcrumb_in_a_text_of_short_paragraphs) {
  // Every paragraph one sentence, none long: the run of short lines at the end of the page is
  // the whole text, but the breadcrumb above the title opens no close of the page.
  Document d = seg(
      "トップ > 地域 > くらし\n駅前の駐輪場、来月から一部を有料化　市が条例案\n2026年2月3日 10:20\n"
      "市は2日、駅前の駐輪場の一部を4月から有料にする条例案をまとめた。\n"
      "料金は1日100円で、定期利用は月1500円とする。\n"
      "放置自転車の撤去費用が年々増えていることが理由だという。\n");
  BOOST_TEST(kind_of(d, "トップ > 地域 > くらし") == "paragraph");
  BOOST_TEST(division_of(d, "トップ > 地域 > くらし") == "boilerplate");
  BOOST_TEST(d.header.title == "駅前の駐輪場、来月から一部を有料化　市が条例案");
  BOOST_TEST(kind_of(d, "2026年2月3日 10:20") == "byline");
  BOOST_TEST(division_of(d, "市は2日、駅前の駐輪場の一部を4月から有料にする条例案をまとめた。") == "article");
  // The close still follows the body: a line of chrome there and what comes after it.
  Document e = seg(
      "トップ > 地域 > くらし\n駅前の駐輪場、来月から一部を有料化　市が条例案\n2026年2月3日 10:20\n"
      "市は2日、駅前の駐輪場の一部を4月から有料にする条例案をまとめた。\n"
      "料金は1日100円で、定期利用は月1500円とする。\n"
      "この記事をシェア\n自転車の盗難、冬に増える理由\n");
  BOOST_TEST(division_of(e, "自転車の盗難、冬に増える理由") == "boilerplate");
}

BOOST_AUTO_TEST_CASE(a_company_line_above_or_under_a_release_title_is_its_byline) {
  const std::string body =
      "株式会社ハルカゼ（本社：札幌市北区、代表取締役：森 茂）は、雪かき用の電動スコップの貸し出しを始めます。\n"
      "貸し出しは1日500円で、市内の12店舗で受け付けます。\n";
  // Under a dateline, above the title.
  Document a = seg("2027年1月8日\n株式会社ハルカゼ\n電動スコップの貸し出しを開始\n" + body);
  BOOST_TEST(kind_of(a, "株式会社ハルカゼ") == "byline");
  BOOST_TEST(a.header.title == "電動スコップの貸し出しを開始");
  // Under a label of the page's kind, the name's legal form after it.
  Document b = seg("お知らせ\nハルカゼ株式会社\n電動スコップの貸し出しを開始\n～市内12店舗で～\n" + body);
  BOOST_TEST(kind_of(b, "ハルカゼ株式会社") == "byline");
  BOOST_TEST(b.header.title == "電動スコップの貸し出しを開始");
  BOOST_TEST(division_of(b, "お知らせ") == "boilerplate");
  // Under the title, over the body.
  Document c = seg("2027年1月8日\n電動スコップの貸し出しを開始\n一般社団法人ゆきみちの会\n" + body);
  BOOST_TEST(c.header.title == "電動スコップの貸し出しを開始");
  BOOST_TEST(kind_of(c, "一般社団法人ゆきみちの会") == "byline");
  // A clause about the company is no name line.
  Document d = seg("2027年1月8日\n株式会社ハルカゼが電動スコップを貸し出しへ\n" + body);
  BOOST_TEST(d.header.title == "株式会社ハルカゼが電動スコップを貸し出しへ");
}

BOOST_AUTO_TEST_CASE(a_verdict_line_is_a_label_not_a_byline) {
  Document d = seg(
      "「水道水を飲むと風邪をひく」は誤り\n判定：誤り\n2027年2月1日　検証チーム\n"
      "SNSで「水道水を飲むと風邪をひく」という投稿が広がっている。専門家によると、そのような根拠はない。\n"
      "【判定】根拠不明\n「煮沸すれば安全」という投稿もあるが、根拠は示されていない。水道水はそのまま飲める。\n");
  BOOST_TEST(kind_of(d, "判定：誤り") == "head");
  BOOST_TEST(kind_of(d, "2027年2月1日　検証チーム") == "byline");
  BOOST_TEST(kind_of(d, "【判定】根拠不明") == "head");
  BOOST_TEST(d.header.title == "「水道水を飲むと風邪をひく」は誤り");
}

BOOST_AUTO_TEST_CASE(a_poll_and_its_answer_buttons_are_one_piece_of_chrome) {
  const std::string top =
      "冬の結露対策\n窓の結露は、室内と屋外の温度差で起きます。換気と除湿でかなり減らせます。\n"
      "カーテンを少し開けておくだけでも、窓の表面に空気が流れて結露しにくくなります。\n";
  // The question and its buttons on one line: one sentence, chrome.
  Document d = seg(top + "あなたの家では結露が出ますか？　はい　いいえ　わからない\n");
  BOOST_TEST(kind_of(d, "あなたの家では結露が出ますか？　はい　いいえ　わからない") == "paragraph");
  BOOST_TEST(division_of(d, "あなたの家では結露が出ますか？　はい　いいえ　わからない") == "boilerplate");
  std::vector<std::string> s = sentence_texts(d);
  BOOST_TEST(s.back() == "あなたの家では結露が出ますか？　はい　いいえ　わからない");
  // The buttons on the line under the question: both chrome.
  Document e = seg(top + "あなたの家では結露が出ますか？\nはい　いいえ\n");
  BOOST_TEST(division_of(e, "あなたの家では結露が出ますか？") == "boilerplate");
  BOOST_TEST(division_of(e, "はい　いいえ") == "boilerplate");
  // A question answered in words is the text's own.
  Document f = seg(top + "結露は体に悪いのですか？　いいえ、すぐに害はありません。\n");
  BOOST_TEST(division_of(f, "結露は体に悪いのですか？　いいえ、すぐに害はありません。") == "article");
}

BOOST_AUTO_TEST_CASE(the_instalments_of_a_serial_listed_after_the_body_are_chrome) {
  const std::string story =
      "連載「港町の食堂」第4回　灯台下の定食屋\n2026年9月12日\n"
      "灯台へ向かう坂の途中に、その定食屋はある。\n店主の沢井さんは、漁師だった父から店を継いだ。\n"
      "「魚はその日の海で決まる」と沢井さんは言う。\n";
  Document d = seg(story + "この連載の記事\n第1回　朝市の食堂（2026年6月13日）\n第2回　魚河岸の洋食屋（2026年7月11日）\n"
                           "第3回　島の喫茶店（2026年8月8日）\n");
  for (const char* line : {"この連載の記事", "第1回　朝市の食堂（2026年6月13日）", "第3回　島の喫茶店（2026年8月8日）"})
    BOOST_TEST(division_of(d, line) == "boilerplate", line);
  // Newest first, without a heading over them.
  Document e = seg(story + "第3回　島の喫茶店（2026年8月8日）\n第2回　魚河岸の洋食屋（2026年7月11日）\n");
  BOOST_TEST(division_of(e, "第3回　島の喫茶店（2026年8月8日）") == "boilerplate");
  BOOST_TEST(division_of(e, "第2回　魚河岸の洋食屋（2026年7月11日）") == "boilerplate");
  // Numbered parts with the text after them are the article's own.
  Document f = seg("題名\n前書きです。今回は二つの話をします。\n第1回　朝の話\n朝は早く起きました。\n第2回　夜の話\n夜は遅く寝ました。\n");
  BOOST_TEST(division_of(f, "第1回　朝の話") == "article");
}

namespace {
// A plain-text mail magazine broken at 25 full-width characters, inside its sentences.
const std::string kWrapped =
    "＝＝＝＝＝＝＝＝＝＝＝＝＝＝＝＝＝＝＝＝\n"
    "月刊やまあるき通信　第48号\n"
    "＝＝＝＝＝＝＝＝＝＝＝＝＝＝＝＝＝＝＝＝\n"
    "こんばんは、事務局の浅野です。今月は秋の低山で\n"
    "出会える木の実の話をお届けします。山道の脇には、\n"
    "鳥が好んで食べる赤い実が多く、双眼鏡があると実を\n"
    "ついばむ姿まで見られます。\n"
    "　なかでも目立つのはガマズミで、房になった実が日に\n"
    "透けて光る様子は、写真に撮る人も多いほどです。実は\n"
    "霜に当たると甘みが増すと言われ、昔は子どもの\n"
    "おやつにもなっていました。\n"
    "・歩くときは、道から外れないようにしましょう。\n"
    "配信停止はこちら\n";
}  // namespace

BOOST_AUTO_TEST_CASE(hard_wrapped_lines_are_joined_inside_their_sentences) {
  Document d = seg(kWrapped);
  std::vector<std::string> s = sentence_texts(d);
  // The sentences the wrap broke are whole, the line break inside them.
  BOOST_TEST(std::count(s.begin(), s.end(), "今月は秋の低山で\n出会える木の実の話をお届けします。") == 1);
  BOOST_TEST(std::count(s.begin(), s.end(), "山道の脇には、\n鳥が好んで食べる赤い実が多く、双眼鏡があると実を\nついばむ姿まで見られます。") == 1);
  // An indent opens a new paragraph; a list's mark opens its item.
  BOOST_TEST(std::count(s.begin(), s.end(), "なかでも目立つのはガマズミで、房になった実が日に\n透けて光る様子は、写真に撮る人も多いほどです。") == 1);
  BOOST_TEST(kind_of(d, "・歩くときは、道から外れないようにしましょう。") == "list");
  // The same on two threads and streamed, and with CRLF line ends.
  BOOST_TEST(streamed(kWrapped, 1 << 20, true) == whole(kWrapped));
  BOOST_TEST(streamed(kWrapped, 64, false) == whole(kWrapped));
  std::string crlf;
  for (char c : kWrapped) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
  Document r = seg(crlf);
  std::vector<std::string> rs = sentence_texts(r);
  BOOST_TEST(std::count(rs.begin(), rs.end(), "今月は秋の低山で\r\n出会える木の実の話をお届けします。") == 1);
  // Rows of like length without a sentence ending inside them are a list's, not wrapped text.
  Document p = seg(
      "旅の持ち物リスト\n歯ブラシと歯みがき粉を忘れずに入れておくこと\n折りたたみの傘は晴れの日でも持って行くこと\n"
      "充電器とケーブルはひとつの袋にまとめておくこと\n着替えは日数よりも一組だけ多めに持って行くこと\n"
      "常備薬は飲む分をまとめて小分けにしておくこと\n雨具は上下に分かれた軽いものを選んでおくこと\n"
      "地図は紙のものも一枚だけ持って行くと安心なこと\n");
  BOOST_TEST(kind_of(p, "歯ブラシと歯みがき粉を忘れずに入れておくこと") != "(not found)");
  BOOST_TEST(kind_of(p, "地図は紙のものも一枚だけ持って行くと安心なこと") != "(not found)");
}

BOOST_AUTO_TEST_CASE(titles_behind_bracketed_labels_the_document_repeats_head_their_parts) {
  // A briefing transcript marks each slide ［スライド2］連結業績の概要: each such line, with the same
  // bracket and another label, over body text, heads its part.
  Document d = seg(
      "第2四半期決算説明会　社長スピーチ\n"
      "本日はお忙しいところ、説明会にご参加いただきありがとうございます。上期の業績をご説明します。\n"
      "［スライド2］連結業績の概要\n"
      "上期の売上高は前年同期比6.2%増の418億円でした。営業利益も増えています。\n"
      "［スライド3］ブランド別の売上高\n"
      "主力ブランドが全体をけん引しました。紳士服は前年をわずかに下回りました。\n"
      "〔補足〕為替の影響\n"
      "為替の影響は軽微でした。\n");
  BOOST_TEST(kind_of(d, "［スライド2］連結業績の概要") == "head", shape(d));
  BOOST_TEST(kind_of(d, "［スライド3］ブランド別の売上高") == "head", shape(d));
  // A bracket the document opens a line with only once is no pattern of its own.
  BOOST_TEST(kind_of(d, "〔補足〕為替の影響") == "paragraph", shape(d));
  // A label said again is a speaker's (［司会］…), and a label over no body text heads nothing.
  Document talk = seg(
      "座談会　町の本屋を語る\n"
      "［司会］それでは始めます\n"
      "本屋が減っている理由から伺います。皆さんはどう見ていますか。\n"
      "［司会］次の話題に移ります\n"
      "ネットで買う人が増えました。それでも店で選ぶ楽しさは残ります。\n");
  BOOST_TEST(kind_of(talk, "［司会］それでは始めます") != "head", shape(talk));
  BOOST_TEST(kind_of(talk, "［司会］次の話題に移ります") != "head", shape(talk));
}

BOOST_AUTO_TEST_CASE(a_newsletters_issue_number_and_date_date_it) {
  // 第142号　令和8年12月1日発行 under the title dates the issue: its byline; ■１．… heads a part
  // as one sentence. (第217回国会　…　第14号　令和7年4月11日 is a title: the number is no issue's.)
  Document d = seg(
      "みどり町商店会だより\n"
      "第142号　令和8年12月1日発行\n"
      "■１．年末大売り出しのお知らせ\n"
      "今年も12月15日から31日まで、年末大売り出しを行います。期間中は各店で抽選券を配ります。\n");
  BOOST_TEST(kind_of(d, "第142号　令和8年12月1日発行") == "byline", shape(d));
  BOOST_TEST(kind_of(d, "■１．年末大売り出しのお知らせ") == "head", shape(d));
  Document minutes = seg(
      "第217回国会　衆議院　本会議　第14号　令和7年4月11日\n"
      "これより会議を開きます。本日の議事日程は配付のとおりです。\n");
  BOOST_TEST(kind_of(minutes, "第217回国会　衆議院　本会議　第14号　令和7年4月11日") != "byline", shape(minutes));
}

BOOST_AUTO_TEST_CASE(the_rosters_in_the_header_of_minutes_are_lists_under_their_heads) {
  // 出席委員 over role　name lines, 出席国務大臣 over one, ○本日の会議に付した案件 over a bill: each a
  // heading over a list; the time of day the sitting opens is no item of it. The date in kanji
  // numerals with its weekday dates the minutes.
  const std::string text =
      "第二百十二回国会　厚生労働委員会　第五号\n"
      "令和八年十一月十五日（水曜日）\n"
      "出席委員\n"
      "委員長　佐藤一郎君\n"
      "理事　鈴木次郎君\n"
      "理事　高橋花子君\n"
      "出席国務大臣\n"
      "厚生労働大臣　田中三郎君\n"
      "○本日の会議に付した案件\n"
      "医療法の一部を改正する法律案（内閣提出第二〇号）\n"
      "午前十時開議\n"
      "○佐藤委員長　これより会議を開きます。医療法の一部を改正する法律案を議題といたします。\n";
  Document d = seg(text);
  BOOST_TEST(kind_of(d, "令和八年十一月十五日（水曜日）") == "byline", shape(d));
  BOOST_TEST(kind_of(d, "出席委員") == "head", shape(d));
  BOOST_TEST(kind_of(d, "委員長　佐藤一郎君|理事　鈴木次郎君|理事　高橋花子君") == "list", shape(d));
  BOOST_TEST(kind_of(d, "出席国務大臣") == "head", shape(d));
  BOOST_TEST(kind_of(d, "厚生労働大臣　田中三郎君") == "list", shape(d));
  BOOST_TEST(kind_of(d, "○本日の会議に付した案件") == "head", shape(d));
  BOOST_TEST(kind_of(d, "医療法の一部を改正する法律案（内閣提出第二〇号）") == "list", shape(d));
  BOOST_TEST(kind_of(d, "午前十時開議") == "paragraph", shape(d));
  // A sentence about who came is no roster's heading.
  Document report = seg(
      "町内会の総会を開きました\n"
      "出席者は32人でした。\n"
      "会長　山田一郎\n"
      "来年度の予算を決めました。行事の日程も話し合いました。\n");
  BOOST_TEST(kind_of(report, "出席者は32人でした。") == "paragraph", shape(report));
}

BOOST_AUTO_TEST_CASE(numbered_entries_given_by_keys_in_brackets_are_records_of_a_list) {
  // A public comment's results: No.1：… over 【意見の要旨】…。 and 【市の考え方】…。, each key again
  // under every entry: the entries and their keyed lines are the items of a list, not headings
  // over paragraphs.
  const std::string text =
      "自転車活用推進計画（案）への意見募集の結果\n"
      "市では、計画（案）について市民の皆様からご意見を募集しました。いただいたご意見の要旨と市の考え方を公表します。\n"
      "No.1：提出者　A\n"
      "【意見の要旨】駅前の駐輪場が足りない。朝は満車で、歩道に止める人が多い。\n"
      "【市の考え方】駅前の駐輪場は来年度に200台分を増やします。\n"
      "No.2：提出者　B\n"
      "【意見の要旨】通学路に自転車専用の通行帯を設けてほしい。\n"
      "【市の考え方】学校や警察と協議しながら優先して進めます。\n";
  Document d = seg(text);
  BOOST_TEST(shape(d) == "article:head,paragraph,list(6)", shape(d));
  // A key alone on its line (【ご意見】 over the opinion) heads the text under it: the numbered
  // entries stay headings.
  Document alone = seg(
      "自転車活用推進計画（案）への意見募集の結果\n"
      "県では、計画（案）について県民の皆様からご意見を募集しました。いただいたご意見の概要を公表します。\n"
      "No.1（第2章　現状と課題）\n"
      "【ご意見】\n"
      "通学路の対策があまり書かれていない。学校と連携した安全教育を盛り込むべきではないか。\n"
      "No.2（第3章　施策1）\n"
      "【ご意見】\n"
      "矢羽根の表示を引くだけでは、路上駐車があると歩道を走ることになる。\n");
  BOOST_TEST(kind_of(alone, "No.1（第2章　現状と課題）") == "head", shape(alone));
  BOOST_TEST(kind_of(alone, "No.2（第3章　施策1）") == "head", shape(alone));
}

BOOST_AUTO_TEST_CASE(the_heads_of_the_parts_that_hold_a_pages_entries) {
  // A Q&A site: ベストアンサー and その他の回答（2件） head the answers under them; a count in
  // brackets after a word of the entries (回答, レビュー, つくれぽ) makes a heading, a count after
  // another word does not.
  Document d = seg(
      "トマトの葉が黄色くなってきました\n"
      "ベランダでミニトマトを育てています。下の方の葉から黄色くなってきました。病気でしょうか。\n"
      "ベストアンサー\n"
      "下の葉が黄色くなるのは、肥料が切れてきたサインのことが多いです。追肥をしてみてください。\n"
      "その他の回答（2件）\n"
      "水のやりすぎでも葉が黄色くなります。土が乾いてから水をあげるようにしましょう。\n"
      "つくれぽ（128件）\n"
      "作ってみました。家族に好評でした。\n"
      "山田太郎（45）\n"
      "町内会長を務めて十年になります。地域の行事をまとめています。\n");
  BOOST_TEST(kind_of(d, "ベストアンサー") == "head", shape(d));
  BOOST_TEST(kind_of(d, "その他の回答（2件）") == "head", shape(d));
  BOOST_TEST(kind_of(d, "つくれぽ（128件）") == "head", shape(d));
  BOOST_TEST(kind_of(d, "山田太郎（45）") != "head", shape(d));
}

BOOST_AUTO_TEST_CASE(the_first_lines_after_the_chrome_are_no_rows_of_a_table) {
  // A newsletter's masthead under its breadcrumb, みなみ野市議会だより　第142号（…発行）, and the
  // line under it have a space inside like two rows of a table: the first is the title.
  Document d = seg(
      "ホーム ＞ 市議会 ＞ 市議会だより ＞ 第142号\n"
      "みなみ野市議会だより　第142号（令和8年8月1日発行）\n"
      "6月定例会　一般質問\n"
      "6月定例会では、12人の議員が市政について質問しました。ここでは、その中から2人の質問と答弁の要旨を紹介します。\n");
  BOOST_TEST(kind_of(d, "みなみ野市議会だより　第142号（令和8年8月1日発行）") == "head", shape(d));
  BOOST_TEST(shape(d).find("list") == std::string::npos, shape(d));
}

BOOST_AUTO_TEST_CASE(a_line_that_announces_the_gist_makes_the_points_under_it_a_summary) {
  const std::string text =
      "電気代の明細、3か所を見れば分かる\n"
      "ざっくり言うと\n"
      "・使用量が同じでも、単価が上がれば請求額は増える\n"
      "・燃料費調整額は毎月変わる\n"
      "冬になると電気代が急に上がった、という声が毎年寄せられます。理由は使う量だけではありません。\n";
  Document d = seg(text);
  BOOST_TEST(division_of(d, "・使用量が同じでも、単価が上がれば請求額は増える|・燃料費調整額は毎月変わる") == "summary", shape(d));
}

BOOST_AUTO_TEST_CASE(a_rankings_lines_are_a_list_and_its_ranks_head_their_entries) {
  // 1位　… to 12位　… one under the other: a list (the two-digit ranks of the same style as the
  // others); a rank over the text of its entry heads it, 12位 too although it is the only rank of
  // two digits that heads.
  Document d = seg(
      "今週のランキング\n"
      "1位　てんびん座：周りの協力で仕事がまとまる週。\n"
      "2位　うお座：ひらめきが冴えます。\n"
      "10位　やぎ座：焦らずに待つこと。\n"
      "11位　さそり座：言葉の行き違いに注意。\n"
      "12位　かに座：休息を最優先に。\n"
      "星座別の運勢\n"
      "1位　てんびん座（9/23～10/22）\n"
      "長く温めてきた計画に、ようやく賛同者が集まります。\n"
      "2位　うお座（2/19～3/20）\n"
      "直感がよく当たる週です。\n"
      "12位　かに座（6/22～7/22）\n"
      "疲れがたまりやすい時期です。\n");
  BOOST_TEST(kind_of(d, "1位　てんびん座：周りの協力で仕事がまとまる週。|2位　うお座：ひらめきが冴えます。|"
                        "10位　やぎ座：焦らずに待つこと。|11位　さそり座：言葉の行き違いに注意。|12位　かに座：休息を最優先に。") == "list",
             shape(d));
  BOOST_TEST(kind_of(d, "1位　てんびん座（9/23～10/22）") == "head", shape(d));
  BOOST_TEST(kind_of(d, "12位　かに座（6/22～7/22）") == "head", shape(d));
  // (第1位　… over its rows: the same.)
  Document e = seg(
      "第1位　ミナト電機　スマートケトル\n"
      "沸騰までわずか3分。注ぎ口が細く、ドリップにも使えます。\n"
      "第2位　あおば工房　ステンレスケトル\n"
      "本体が熱くなりにくい二重構造です。\n");
  BOOST_TEST(kind_of(e, "第2位　あおば工房　ステンレスケトル") == "head", shape(e));
}

BOOST_AUTO_TEST_CASE(a_quizs_numbered_questions_head_and_its_repeated_buttons_are_chrome) {
  // 第1問 … 第3問 (the number inside the shape), each one short sentence over its entry: headings;
  // the button under each question, said three times word for word (答えを見る, or 解答▼ that
  // points at what it opens), chrome; said once, a line so is left to the other rules.
  for (std::string button : {"答えを見る", "解答▼"}) {
    std::string text = "漢字クイズ\n前書きの文章です。よろしくお願いします。\n";
    for (std::string n : {"1", "2", "3"})
      text += "第" + n + "問　この漢字は何と読む？\n「鰤」\nヒント：冬が旬の魚\n" + button + "\n答えは「ぶり」。冬が旬の魚です。\n";
    Document d = seg(text);
    BOOST_TEST(kind_of(d, "第2問　この漢字は何と読む？") == "head", shape(d));
    BOOST_TEST(division_of(d, button) == "boilerplate", shape(d));
    BOOST_TEST(kind_of(d, "ヒント：冬が旬の魚") == "paragraph", shape(d));
  }
  Document once = seg("漢字クイズ\n前書きの文章です。よろしくお願いします。\n答えを見る\n答えは「ぶり」。冬が旬の魚です。\n");
  BOOST_TEST(division_of(once, "答えを見る") != "boilerplate", shape(once));
}

BOOST_AUTO_TEST_CASE(a_transcripts_timestamps_stay_outside_the_sentences) {
  // Three or more lines in a row that open with a time of one shape: the time is an offset into
  // the recording, not a list mark; it stays in the paragraph as text before the first <s>.
  for (std::string open : {"[", "(", ""}) {
    std::string close = open == "[" ? "]" : open == "(" ? ")" : "";
    auto at = [&](const char* t) { return open + t + close + " "; };
    Document d = seg("第5回　朝の番組から\n" + at("00:00:04") + "おはようございます。今日もよろしく。\n" + at("00:00:09") +
                     "よろしくお願いします。\n" + at("00:00:15") + "さっそくですが、最近どうですか？\n" + at("00:00:21") +
                     "1. 仕事が忙しいです。\n");
    BOOST_TEST(shape(d).find("list") == std::string::npos, shape(d));
    const Leaf* first = nullptr;
    for (const Leaf* l : d.leaves())
      if (leaf_text(*l).find("おはようございます") != std::string::npos) first = l;
    BOOST_REQUIRE(first);
    BOOST_REQUIRE(first->pieces.size() >= 2u);
    BOOST_TEST((first->pieces[0].kind == Piece::Kind::text));
    BOOST_TEST(first->pieces[0].text == at("00:00:04"));
    BOOST_TEST(first->pieces[1].sentence.text == "おはようございます。");
    for (const Sentence* s : d.sentences()) BOOST_TEST(s->text.find("00:") == std::string::npos, s->text);
    BOOST_TEST(kind_of(d, at("00:00:21") + "1. 仕事が忙しいです。") == "paragraph", shape(d));
  }
  // Two stamped lines are no transcript; times of two shapes make no run; a time in a sentence
  // (10:30から) is no stamp.
  Document two = seg("題名\n本文です。\n[00:00:04] おはようございます。\n[00:00:09] よろしくお願いします。\n本文です。\n");
  for (const Sentence* s : two.sentences())
    if (s->text.find("おはよう") != std::string::npos) BOOST_TEST(s->text.starts_with("[00:00:04]"));
  Document mixed = seg("題名\n本文です。\n[00:00:04] おはようございます。\n00:09 よろしく。\n(00:00:15) 元気？\n本文です。\n");
  for (const Sentence* s : mixed.sentences())
    if (s->text.find("おはよう") != std::string::npos) BOOST_TEST(s->text.starts_with("[00:00:04]"));
  Document day = seg("題名\n10:30から始めます。\n11:00から続けます。\n12:00から休みます。\n");
  for (const Sentence* s : day.sentences())
    if (s->text.find("から") != std::string::npos) BOOST_TEST(std::isdigit(static_cast<unsigned char>(s->text[0])), s->text);
}
