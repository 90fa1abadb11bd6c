// Speaker label shapes read from one line (lib/src/speakers/labels.cpp): the parts of each
// shape, the shape's family (what makes lines one style), post headers, and look-alikes.
#define BOOST_TEST_MODULE speakers_labels
#include <boost/test/unit_test.hpp>

#include "speakers/labels.hpp"
#include "speakers/model.hpp"

using namespace jatei;
using namespace jatei::speakers;

namespace {

const SpeakerModel& model() { return SpeakerModel::builtin(); }

struct Want {
  std::string line, label, name, note, time, family;
  SpeakerLabel::Style style;
};

}  // namespace

BOOST_AUTO_TEST_CASE(shapes_and_their_parts) {
  using S = SpeakerLabel::Style;
  std::vector<Want> cases = {
      {"（関東日報・高橋）関東日報の高橋です。", "（関東日報・高橋）", "関東日報・高橋", "", "", "(N)", S::bracket},
      {"（社長）そのような事実はございません。", "（社長）", "社長", "", "", "(N)", S::bracket},
      {"(司会)それでは討論に移ります。", "(司会)", "司会", "", "", "(N)", S::bracket},
      {"【司会】本日はありがとうございます。", "【司会】", "司会", "", "", "【N】", S::bracket},
      {"[00:03:12] ホスト・岡田：こんにちは。", "[00:03:12] ホスト・岡田：", "ホスト・岡田", "", "[00:03:12]", "[T]N:", S::colon},
      {"00:41:10 ゲスト：そうですね。", "00:41:10 ゲスト：", "ゲスト", "", "00:41:10", "TN:", S::colon},
      {"(12:30) 山本：はい。", "(12:30) 山本：", "山本", "", "(12:30)", "[T]N:", S::colon},
      {"○議長（大河内正君）　これより会議を開きます。", "○議長（大河内正君）", "議長", "大河内正君", "", "MN_", S::space},
      {"○田中一郎君　立憲改革党の田中一郎です。", "○田中一郎君", "田中一郎君", "", "", "MN_", S::space},
      {"◆１２番（村上由紀子議員）　市民クラブの村上です。", "◆１２番（村上由紀子議員）", "１２番", "村上由紀子議員", "", "MN_", S::space},
      {"森　正直に言うと、最初は反対でした。", "森", "森", "", "", "N_", S::space},
      {"野口 取材する側としても複雑です。", "野口", "野口", "", "", "N_", S::space},
      {"**高槻**：最初は自分のための道具でした。", "**高槻**：", "高槻", "", "", "**N**:", S::colon},
      {"田村 > 問い合わせは来ていますか。", "田村 >", "田村", "", "", "N>", S::angle},
      {"サポート（北村）＞お待たせいたしました。", "サポート（北村）＞", "サポート", "北村", "", "N>", S::angle},
      {"わたし＞開けます！", "わたし＞", "わたし", "", "", "N>", S::angle},
      {"ケン「先輩、これって必要ですか？」", "ケン", "ケン", "", "", "N「", S::quote},
      {"記者A：値上げの理由は何ですか。", "記者A：", "記者A", "", "", "N:", S::colon},
      {"└ 作者より：ありがとうございます！", "└ 作者より：", "作者より", "", "", "MN:", S::colon},
      {"山田(アナリスト)：電池が鍵です。", "山田(アナリスト)：", "山田", "アナリスト", "", "N:", S::colon},
      {"――まず、事業の概要を教えてください。", "――", "", "", "", "D", S::dash},
      {"Q.何が変わりましたか？", "Q.", "Q", "", "", "QA", S::qa},
  };
  for (auto& c : cases) {
    BOOST_TEST_CONTEXT(c.line) {
      auto got = parse_label(c.line, model(), false);
      BOOST_REQUIRE(got.has_value());
      const SpeakerLabel& l = got->label;
      BOOST_TEST(c.line.substr(0, l.length) == c.label);
      BOOST_TEST(l.name == c.name);
      BOOST_TEST(l.note == c.note);
      BOOST_TEST(l.time == c.time);
      BOOST_TEST(got->family == c.family);
      BOOST_TEST(static_cast<int>(l.style) == static_cast<int>(c.style));
      BOOST_TEST(!l.alone);
    }
  }
  // Full- and half-width forms of one shape are one family; so are the marks of minutes.
  BOOST_TEST(parse_label("(司会)はい。", model(), false)->family == parse_label("（司会）はい。", model(), false)->family);
  BOOST_TEST(parse_label("山田:はい。", model(), false)->family == parse_label("山田：はい。", model(), false)->family);
  BOOST_TEST(parse_label("◎市長（吉岡浩一）　はい。", model(), false)->family ==
             parse_label("○議長（堀口誠）　はい。", model(), false)->family);
  // The shape people read in --explain.
  BOOST_TEST(parse_label("（社長）はい。", model(), false)->label.shape == "（名前）");
  BOOST_TEST(parse_label("[00:03:12] 岡田：はい。", model(), false)->label.shape == "[時刻] 名前：");
}

BOOST_AUTO_TEST_CASE(a_question_or_answer_mark_and_the_title_after_it) {
  // The mark, then the title or name of who speaks: the label runs over both, the person is
  // the title (a word of office or a name with an honorific), the mark is kept apart.
  struct Mark {
    std::string line, label, name, mark, family;
  };
  std::vector<Mark> cases = {
      {"答　市民課長　現在、14か所で工事を終えています。", "答　市民課長", "市民課長", "答", "N_"},
      {"答　山本町長　検討してまいります。", "答　山本町長", "山本町長", "答", "N_"},
      {"答（教育長）　来年度に統合します。", "答（教育長）", "教育長", "答", "N_"},
      {"回答：建設部長　来年度に着工します。", "回答：建設部長", "建設部長", "回答", "N:"},
      {"問　川村議員　通学路の点検は何か所か。", "問　川村議員", "川村議員", "問", "N_"},
      {"A　教育長　はい、終えています。", "A　教育長", "教育長", "A", "QA"},
      {"A．防災課長　配布は来月です。", "A．防災課長", "防災課長", "A", "QA"},
      // A council's answer word with the official in brackets.
      {"答弁（市長）　重く受け止めています。", "答弁（市長）", "市長", "答弁", "N_"},
      {"答弁（教育長）：協議しています。", "答弁（教育長）：", "教育長", "答弁", "N:"},
  };
  for (auto& c : cases) {
    BOOST_TEST_CONTEXT(c.line) {
      auto got = parse_label(c.line, model(), false);
      BOOST_REQUIRE(got.has_value());
      BOOST_TEST(c.line.substr(0, got->label.length) == c.label);
      BOOST_TEST(got->label.name == c.name);
      BOOST_TEST(got->label.mark == c.mark);
      BOOST_TEST(got->family == c.family);
    }
  }
  // The answer's own words after the mark are no title: 現在、 はい (hiragana), 東京都 (no office,
  // no honorific), a phrase with a particle.
  for (std::string line : {"答　現在、14か所で工事を終えています。", "答　はい　終えています。",
                           "問　東京都　40代の会社員です。", "問　市の考え　をお聞かせください。", "Q　学校の統合はいつですか。"}) {
    BOOST_TEST_CONTEXT(line) {
      auto got = parse_label(line, model(), false);
      BOOST_REQUIRE(got.has_value());
      BOOST_TEST(got->label.mark.empty());
      BOOST_TEST((got->label.name == "答" || got->label.name == "問" || got->label.name == "Q"));
    }
  }
  // A numbered Ｑ１ with a space is an FAQ's heading, not a label.
  BOOST_TEST(!parse_label("Ｑ１　相続登記をしないと、すぐに過料が科されるのですか。", model(), false).has_value());
}

BOOST_AUTO_TEST_CASE(a_label_alone_on_its_line) {
  // Only when asked for (the desk credit （経済部・佐藤健一） is alone; the document decides).
  BOOST_TEST(!parse_label("（経済部・佐藤健一）", model(), false).has_value());
  auto alone = parse_label("（経済部・佐藤健一）", model(), true);
  BOOST_REQUIRE(alone.has_value());
  BOOST_TEST(alone->label.alone);
  // A bare name with a space needs text after it; so does a name and a quote.
  BOOST_TEST(!parse_label("森　", model(), true).has_value());
  // A bare name on its own line (with a bracket after it or not) is a shape of its own.
  auto bare = parse_label("菅原（准教授）", model(), true);
  BOOST_REQUIRE(bare.has_value());
  BOOST_TEST((bare->label.style == SpeakerLabel::Style::line));
  BOOST_TEST(bare->label.name == "菅原");
  BOOST_TEST(bare->label.note == "准教授");
  BOOST_TEST(bare->family == parse_label("小野寺", model(), true)->family);
  BOOST_TEST(bare->family != parse_label("小野寺：はい。", model(), true)->family);
  BOOST_TEST(!parse_label("小野寺", model(), false).has_value());
  // A byline's key is a label when a sentence follows it, not when a name does.
  BOOST_TEST(parse_label("聞き手：売れる本は変わりましたか。", model(), false).has_value());
  BOOST_TEST(!parse_label("聞き手：佐藤あかね", model(), false).has_value());
}

BOOST_AUTO_TEST_CASE(look_alikes_are_no_shape) {
  for (std::string line : {
           "10:30から開始します。", "朝10:30ごろ着きました。", "https://example.jp/ から確認できます。",
           "注:充電口の数は概数です。", "※この会話はフィクションです。", "出典:経済産業省の資料", "【対談】生成AIと翻訳の未来",
           "【訂正・6月20日 21:40】当初、初乗り運賃を誤って記載しました。", "【関連記事】国内半導体の資金調達",
           "座談会:生成AIの未来", "著者:谷田部卓", "写真:記者会見の様子", "彼は「そうですね」と言った。",
           "ポイントは:安さです。", "2024年:売上高は増えた", "00:00 オープニング", "（ICカード利用時は１４７円）から値上げ",
           "ところで　これは何ですか。", "Pulse S3 は良い製品です。", "午後一時二分開議", "１２番　村上議員",
           "（笑）そうですね", "―まず一つだけ。", "【PR】最新ニュースをお届け"}) {
    BOOST_TEST_CONTEXT(line) { BOOST_TEST(!parse_label(line, model(), false).has_value()); }
  }
}

BOOST_AUTO_TEST_CASE(post_headers) {
  struct Case {
    std::string line, handle, id, role, note, family;
  };
  std::vector<Case> cases = {
      {"1: 風吹けば名無し 2024/08/05(月) 15:02:11.45 ID:Zk3pQ8aT0", "風吹けば名無し", "Zk3pQ8aT0", "", "", "H..I"},
      {"12 名前：名無しさん＠お腹いっぱい。 2024/01/01(月) 12:34:56.78 ID:Ab12Cd34", "名無しさん＠お腹いっぱい。", "Ab12Cd34",
       "", "", "H..I"},
      {"kei_0921さん　2024/1/5 9:12", "kei_0921", "", "", "", "H..T"},
      {"sumika_takkenさん　カテゴリマスター　回答日時：2024/01/05 12:34", "sumika_takken", "", "", "", "H..T"},
      {"質問者：hanamizuki_88　　投稿日時：2024/06/11 21:40", "hanamizuki_88", "", "質問者", "", "H..T"},
      {"No.2　回答者：daikon_oyaji　回答日時：2024/6/11 23:02", "daikon_oyaji", "", "回答者", "", "H..T"},
      {"ゆずぽん さん（40代・女性）　購入日：2024/02/11", "ゆずぽん", "", "", "", "H..D"},
      {"@kuroneko_ops（作成者）　2024-03-04 09:02", "kuroneko_ops", "", "", "作成者", "H..T"},
      {"さっちゃん　2025/07/30", "さっちゃん", "", "", "", "H..D"},
      // Colons as separators, a trip after the name, a time relative to now.
      {"1：名無しさん：2026/08/01(土) 20:11:05 ID:aB3dE5fG", "名無し", "aB3dE5fG", "", "", "H..I"},
      {"5：弓一筋◆Qw8Er7Ty：2026/08/01(土) 20:17:31 ID:Xy7zW1qR", "弓一筋◆Qw8Er7Ty", "Xy7zW1qR", "", "", "H..I"},
      {"名無しのハンター　約1時間前", "名無しのハンター", "", "", "", "H..T"},
      // An ID instead of a date; a mark before the post's number.
      {"12 名無しの冒険者 ID:Kx9mP2qL", "名無しの冒険者", "Kx9mP2qL", "", "", "H..I"},
      {"■3 名無しの冒険者 2026/10/02(金) 21:06:02 ID:Kx9mP2qL", "名無しの冒険者", "Kx9mP2qL", "", "", "H..I"},
      // A letter or a comment signed with a name and an age: what the writer is before it.
      {"会社員　大森由香（３４）　静岡県", "大森由香", "", "会社員", "３４", "HA.X"},
      {"田中まさる（45歳）　大阪府", "田中まさる", "", "", "45歳", "HA.X"},
  };
  for (auto& c : cases) {
    BOOST_TEST_CONTEXT(c.line) {
      auto h = parse_post_header(c.line);
      BOOST_REQUIRE(h.has_value());
      BOOST_TEST(h->handle == c.handle);
      BOOST_TEST(h->id == c.id);
      BOOST_TEST(h->role == c.role);
      BOOST_TEST(h->note == c.note);
      BOOST_TEST(h->family == c.family);
    }
  }
  // Datelines, counters and date keys are no header: a header starts with who posted.
  for (std::string line : {"2024年08月05日 18:30　|　カテゴリ：株・投資　|　コメント(128)", "開催日：2024年12月10日",
                           "2025年6月20日 19:05（最終更新 6月20日 21:40）", "発売日　2023年10月", "お礼日時：2024/1/6 7:45",
                           "閲覧数 1,204　｜　この質問への回答は締め切られました", "No.3　ベストアンサー",
                           "本当に？ 2024/01/01 わかりません！", "公開：3時間前", "10:30：開場", "■3 注意事項",
                           "ID:Kx9mP2qL", "大森由香（３４）", "会社員　大森由香（東京）　静岡県", "第2部　開発（1234）　資料"}) {
    BOOST_TEST_CONTEXT(line) { BOOST_TEST(!parse_post_header(line).has_value()); }
  }
}
