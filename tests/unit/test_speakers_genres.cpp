// Speakers on genres the label and dialogue rules were not written for: one person's speech
// with no label (a monologue), a member's full name with a space in minutes (○北村　里美君),
// council 問／答 pages whose sections go on after the last answer, an advice column's profile
// with a hiragana given name.
#define BOOST_TEST_MODULE speakers_genres
#include <boost/test/unit_test.hpp>

#include <string>

#include "jatei/segment.hpp"
#include "jatei/speakers.hpp"
#include "speakers_fixture.hpp"

using namespace jatei;

namespace {

using speakers_fixture::annotated;
using speakers_fixture::who_says;

std::string role_of(const Document& doc, const std::string& name) {
  for (auto& p : doc.header.persons)
    if (p.name == name) return p.role;
  return "?";
}

const char* const kSpeech =
    "第12回　市民フォーラム　基調講演（書き起こし）\n"
    "2026年10月3日\n"
    "9月28日に市民会館で開かれたフォーラムで、港湾の歴史に詳しい沢口千尋・北浜大学教授が講演した。その内容を紹介する。\n"
    "皆さん、こんにちは。ただいまご紹介にあずかりました沢口です。今日は港町の150年について、少しお話しさせていただきます。\n"
    "この町の港は、もともと小さな漁港でした。明治の半ばに鉄道がつながり、一気に貿易港へと姿を変えます。\n"
    "■戦後の復興\n"
    "戦争で港の大半は焼けましたが、10年ほどで取扱量は戦前を上回りました。私はこの速さに、町の人たちの粘り強さを感じます。\n"
    "（会場のスクリーンに当時の写真）\n"
    "こちらが1955年の岸壁です。ご覧ください、人の多さに驚かされます。\n"
    "これからの港は、観光と物流をどう両立させるかが問われるでしょう。\n"
    "ご清聴ありがとうございました。\n"
    "※講演の内容は一部を要約しています。\n"
    "（文・市民フォーラム実行委員会）\n";

}  // namespace

BOOST_AUTO_TEST_CASE(a_speech_transcript_is_one_persons_turns) {
  std::string explain;
  Document doc = annotated(kSpeech, &explain);
  auto w = who_says(doc);
  // The speech, from its first words to the audience to its closing thanks: one person, who gives
  // the name at the opening (…沢口です), written in full in the lead (沢口千尋).
  BOOST_TEST(w["皆さん、こんにちは。ただいまご紹介にあずかりました沢口です。今日は港町の150年について、少しお話しさせていただきます。"] == "|沢口千尋");
  BOOST_TEST(w["この町の港は、もともと小さな漁港でした。明治の半ばに鉄道がつながり、一気に貿易港へと姿を変えます。"] == "|沢口千尋");
  BOOST_TEST(w["戦争で港の大半は焼けましたが、10年ほどで取扱量は戦前を上回りました。私はこの速さに、町の人たちの粘り強さを感じます。"] == "|沢口千尋");
  BOOST_TEST(w["これからの港は、観光と物流をどう両立させるかが問われるでしょう。"] == "|沢口千尋");
  BOOST_TEST(w["ご清聴ありがとうございました。"] == "|沢口千尋");
  BOOST_TEST(role_of(doc, "沢口千尋") == "speaker");
  // The written lead, the heading, a stage direction, the note and the credit stay outside.
  BOOST_TEST(w["9月28日に市民会館で開かれたフォーラムで、港湾の歴史に詳しい沢口千尋・北浜大学教授が講演した。その内容を紹介する。"] == "-");
  BOOST_TEST(w["■戦後の復興"] == "-");
  BOOST_TEST(w["（会場のスクリーンに当時の写真）"] == "-");
  BOOST_TEST(w["※講演の内容は一部を要約しています。"] == "-");
  BOOST_TEST(w["（文・市民フォーラム実行委員会）"] == "-");
  BOOST_TEST(doc.header.persons.size() == 1u);
  BOOST_TEST(explain.find("monologue of 沢口千尋") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_speech_named_by_an_attendee_line_takes_the_full_name) {
  std::string text =
      "新年度入社式　社長あいさつ全文\n"
      "登壇者：代表取締役社長　藤堂雅彦\n"
      "新入社員の皆さん、入社おめでとうございます。社長の藤堂です。\n"
      "皆さんはこれから、それぞれの職場で仕事を覚えていくことになります。最初はわからないことだらけだと思います。\n"
      "わからないことは、遠慮せずに先輩に聞いてください。聞くことは恥ずかしいことではありません。\n"
      "最後に、体を大事にしてください。皆さんの活躍を期待しています。\n";
  Document doc = annotated(text);
  auto w = who_says(doc);
  BOOST_TEST(w["新入社員の皆さん、入社おめでとうございます。社長の藤堂です。"] == "|藤堂雅彦");
  BOOST_TEST(w["最後に、体を大事にしてください。皆さんの活躍を期待しています。"] == "|藤堂雅彦");
  BOOST_TEST(w["新年度入社式　社長あいさつ全文"] == "-");
}

BOOST_AUTO_TEST_CASE(polite_prose_without_a_spoken_event_or_an_audience_stays_prose) {
  // A notice in です／ます that speaks to its readers, but names no spoken event: no turn.
  std::string notice =
      "図書館からのお知らせ\n"
      "皆さま、いつも図書館をご利用いただきありがとうございます。\n"
      "11月1日から、開館時間を夜8時まで延長します。\n"
      "返却ポストは24時間ご利用いただけます。\n"
      "ご不明な点は、カウンターまでお問い合わせください。\n";
  Document doc = annotated(notice);
  for (auto& [line, who] : who_says(doc)) BOOST_TEST(who == "-", line);
  // A report of a lecture in the writer's plain style: a spoken event, but no one speaks to an
  // audience in it.
  std::string report =
      "講演会に300人　港の歴史を学ぶ\n"
      "北浜大学の沢口千尋教授が28日、市民会館で講演した。\n"
      "沢口教授は、戦後の港が10年ほどで復興したことを紹介した。\n"
      "会場からは、観光との両立について質問が出た。\n";
  Document doc2 = annotated(report);
  for (auto& [line, who] : who_says(doc2)) BOOST_TEST(who == "-", line);
  // An event report in です／ます that thanks everyone at the end: the spoken event is named only
  // by a caption, and the thanks come after the report's own paragraphs, not after a lead.
  std::string event =
      "【開催レポート】秋の防災フェスタに500人\n"
      "10月12日、小学校の校庭で防災フェスタを開きました。\n"
      "写真：開会式であいさつする会長\n"
      "起震車の体験には、午前中から長い列ができました。\n"
      "煙体験のテントでは、姿勢を低くして進む練習をしました。\n"
      "クイズ大会には42人が参加しました。優勝は5年生のチームでした。おめでとうございます！\n"
      "ご協力いただいた皆さま、本当にありがとうございました。来年もよろしくお願いいたします。\n";
  Document doc3 = annotated(event);
  for (auto& [line, who] : who_says(doc3)) BOOST_TEST(who == "-", line);
}

BOOST_AUTO_TEST_CASE(a_members_full_name_with_a_space_in_minutes_is_the_whole_label) {
  std::string text =
      "第220回国会　衆議院　厚生労働委員会　第7号\n"
      "○委員長（大島　健一君）　これより会議を開きます。北村里美君。\n"
      "○北村　里美君　おはようございます。地域の医師不足について伺います。大臣の見解を伺います。\n"
      "○国務大臣（中川　浩二君）　お答えいたします。医師の少ない地域での勤務を要件に加えます。\n"
      "○北村　里美君　それだけで偏在が解消するとは思えません。いかがですか。\n"
      "○国務大臣（中川　浩二君）　地域枠を増やす方向で調整しております。\n";
  Document doc = annotated(text);
  auto w = who_says(doc);
  BOOST_TEST(w["おはようございます。地域の医師不足について伺います。大臣の見解を伺います。"] == "○北村　里美君|北村　里美");
  BOOST_TEST(w["それだけで偏在が解消するとは思えません。いかがですか。"] == "○北村　里美君|北村　里美");
  BOOST_TEST(w["地域枠を増やす方向で調整しております。"] == "○国務大臣（中川　浩二君）|中川　浩二");
}

BOOST_AUTO_TEST_CASE(minutes_with_the_speaker_on_a_line_of_their_own) {
  // ○北村　里美君 and ○議長　森田　和夫君 alone on their lines over what each says: the full name
  // (not 北村 with 里美君 left as a sentence), an office with its holder after a space.
  std::string text =
      "令和8年第3回みどり市議会定例会会議録（第2号）\n"
      "○議事日程\n"
      "○議長　森田　和夫君\n"
      "これより本日の会議を開きます。通告順に発言を許します。北村里美議員。\n"
      "○北村　里美君\n"
      "おはようございます。市立図書館の建て替えについて伺います。市長の考えを伺います。\n"
      "○市長　大野　正人君\n"
      "北村議員のご質問にお答えします。来年度に基本構想をまとめる予定です。\n"
      "財源については、国の補助制度の活用を検討しております。\n"
      "○北村　里美君\n"
      "ありがとうございます。市民参加の方法はどうお考えですか。\n"
      "○議長　森田　和夫君\n"
      "以上で本日の日程は全部終了しました。\n";
  Document doc = annotated(text);
  auto w = who_says(doc);
  BOOST_TEST(w["おはようございます。市立図書館の建て替えについて伺います。市長の考えを伺います。"] == "○北村　里美君|北村　里美");
  BOOST_TEST(w["ありがとうございます。市民参加の方法はどうお考えですか。"] == "○北村　里美君|北村　里美");
  BOOST_TEST(w["財源については、国の補助制度の活用を検討しております。"] == "○市長　大野　正人君|大野　正人");
  BOOST_TEST(w["以上で本日の日程は全部終了しました。"] == "○議長　森田　和夫君|森田　和夫");
  BOOST_TEST(w["○議事日程"] == "-");
  BOOST_TEST(doc.header.persons.size() == 3u);
}

BOOST_AUTO_TEST_CASE(minutes_whose_speech_starts_right_after_the_bracket) {
  // ○議長（森田和夫君）これより…: no space between the label and the speech; the bracket with the
  // holder and an honorific ends the label.
  std::string text =
      "令和8年第3回みどり市議会定例会会議録（第2号）\n"
      "○議長（森田和夫君）これより本日の会議を開きます。通告順に発言を許します。\n"
      "○12番（北村里美君）おはようございます。市立図書館の建て替えについて伺います。\n"
      "開館から45年がたち、雨漏りも起きていると聞いています。\n"
      "○議長（森田和夫君）市長。\n"
      "○市長（大野正人君）お答えします。来年度に基本構想をまとめる予定です。\n"
      "○12番（北村里美君）市民参加の方法はどうお考えですか。\n"
      "○市長（大野正人君）ワークショップを年内に3回開く予定です。\n";
  Document doc = annotated(text);
  auto w = who_says(doc);
  BOOST_TEST(w["おはようございます。市立図書館の建て替えについて伺います。"] == "○12番（北村里美君）|北村里美");
  BOOST_TEST(w["開館から45年がたち、雨漏りも起きていると聞いています。"] == "○12番（北村里美君）|北村里美");
  BOOST_TEST(w["市長。"] == "○議長（森田和夫君）|森田和夫");
  BOOST_TEST(w["ワークショップを年内に3回開く予定です。"] == "○市長（大野正人君）|大野正人");
  // ○議長　森田和夫君　これより…: the office (or the seat) and its holder after spaces.
  std::string spaced =
      "令和8年第3回みどり市議会定例会会議録（第2号）\n"
      "○議長　森田和夫君　これより本日の会議を開きます。通告順に発言を許します。\n"
      "○12番　北村里美君　おはようございます。市立図書館の建て替えについて伺います。\n"
      "○議長　森田和夫君　市長。\n"
      "○市長　大野正人君　お答えします。来年度に基本構想をまとめる予定です。\n"
      "○12番　北村里美君　市民参加の方法はどうお考えですか。\n";
  Document doc2 = annotated(spaced);
  auto w2 = who_says(doc2);
  BOOST_TEST(w2["おはようございます。市立図書館の建て替えについて伺います。"] == "○12番　北村里美君|北村里美");
  BOOST_TEST(w2["市長。"] == "○議長　森田和夫君|森田和夫");
  BOOST_TEST(w2["お答えします。来年度に基本構想をまとめる予定です。"] == "○市長　大野正人君|大野正人");
  // The holder in brackets without an honorific, the office before it.
  std::string plain =
      "令和8年第3回みどり市議会定例会会議録（第2号）\n"
      "○議長（森田和夫）これより本日の会議を開きます。通告順に発言を許します。\n"
      "○12番（北村里美）おはようございます。市立図書館の建て替えについて伺います。\n"
      "○議長（森田和夫）市長。\n"
      "○市長（大野正人）お答えします。来年度に基本構想をまとめる予定です。\n"
      "○12番（北村里美）市民参加の方法はどうお考えですか。\n";
  Document doc3 = annotated(plain);
  auto w3 = who_says(doc3);
  BOOST_TEST(w3["おはようございます。市立図書館の建て替えについて伺います。"] == "○12番（北村里美）|北村里美");
  BOOST_TEST(w3["市長。"] == "○議長（森田和夫）|森田和夫");
  BOOST_TEST(w3["お答えします。来年度に基本構想をまとめる予定です。"] == "○市長（大野正人）|大野正人");
}

BOOST_AUTO_TEST_CASE(a_section_after_the_last_answer_of_repeated_pairs_is_nobodys) {
  std::string text =
      "さくら台町議会だより　第52号\n"
      "6月定例会の一般質問から、2人の議員の質問と答弁の要旨をお知らせします。\n"
      "吉川正和議員\n"
      "問　集積所の管理を地域に任せきりにしているが、町の考えは。\n"
      "答　町長　管理の一部を委託できるか検討します。\n"
      "問　ネットの購入に補助を出せないか。\n"
      "答　環境課長　今年度から、購入費の半額を補助しています。\n"
      "森本千春議員\n"
      "問　平日の開館時間を延ばすべきではないか。\n"
      "答　教育長　来年度から木曜日の夜8時まで開館する方向で準備しています。\n"
      "議会を傍聴しませんか\n"
      "本会議はどなたでも傍聴できます。当日、役場3階の議会事務局で受け付けます。\n"
      "次の定例会は9月2日から開かれる予定です。\n"
      "担当：さくら台町議会事務局\n"
      "電話：0467-12-3456\n";
  Document doc = annotated(text);
  auto w = who_says(doc);
  BOOST_TEST(w["来年度から木曜日の夜8時まで開館する方向で準備しています。"] == "答　教育長|教育長");
  BOOST_TEST(w["本会議はどなたでも傍聴できます。当日、役場3階の議会事務局で受け付けます。"] == "-");
  BOOST_TEST(w["次の定例会は9月2日から開かれる予定です。"] == "-");
  BOOST_TEST(w["ネットの購入に補助を出せないか。"] == "問|吉川正和");
}

BOOST_AUTO_TEST_CASE(an_advice_columns_answer_ends_at_its_writers_profile) {
  std::string text =
      "人生相談　夫の実家との付き合い方に悩んでいます\n"
      "毎週月曜は、読者の悩みに作家の三輪ゆう子さんが答えます。\n"
      "【相談】\n"
      "結婚して5年目の会社員です。週末のたびに夫の実家の食事に呼ばれます。\n"
      "どうすれば角を立てずに距離を置けるでしょうか。（埼玉県・30代女性）\n"
      "【回答】\n"
      "週末のたびに呼ばれるのは、正直、しんどいですよね。\n"
      "まずは、夫と二人で月に何回なら無理なく行けるかを話し合ってみてください。\n"
      "三輪ゆう子（みわ・ゆうこ）　作家。1968年生まれ。家族をテーマにした小説を多く手がける。\n"
      "悩みの投稿はこちらから\n";
  Document doc = annotated(text);
  auto w = who_says(doc);
  BOOST_TEST(w["まずは、夫と二人で月に何回なら無理なく行けるかを話し合ってみてください。"].starts_with("【回答】|"));
  // The profile of a name with a hiragana given name and its reading: not the answer's.
  BOOST_TEST(w["三輪ゆう子（みわ・ゆうこ）　作家。1968年生まれ。家族をテーマにした小説を多く手がける。"] == "-");
}

BOOST_AUTO_TEST_CASE(section_marks_over_a_columns_question_and_answer_are_headings_not_speakers) {
  // ■相談 / ■回答: a heading's mark before the words of the pairing heads the column's parts;
  // the column stays prose, written by its columnist.
  std::string text =
      "人生相談　夫の実家との付き合い方に悩んでいます\n"
      "毎週月曜は、読者の悩みに作家の三輪ゆう子さんが答えます。\n"
      "■相談\n"
      "結婚して5年目の会社員です。週末のたびに夫の実家の食事に呼ばれます。\n"
      "どうすれば角を立てずに距離を置けるでしょうか。（埼玉県・30代女性）\n"
      "■回答\n"
      "週末のたびに呼ばれるのは、正直、しんどいですよね。\n"
      "まずは、夫と二人で月に何回なら無理なく行けるかを話し合ってみてください。\n";
  Document doc = annotated(text);
  for (auto& [line, who] : who_says(doc)) BOOST_TEST(who == "-", line);
  BOOST_TEST(doc.header.persons.empty());
}

BOOST_AUTO_TEST_CASE(the_one_the_lead_names_as_moderator_with_a_title_moderates) {
  std::string text =
      "新作ゲーム発表会を振り返る\n"
      "発表会の模様を一部抜粋してお届けします。司会は小川真奈美アナウンサー、ゲストはプロデューサーの黒田さんとディレクターの宮下さんです。\n"
      "小川：皆さん、こんばんは。今日は開発のお二人に来ていただきました。\n"
      "黒田：プロデューサーの黒田です。よろしくお願いします。\n"
      "宮下：ディレクターの宮下です。今日は遊べる映像もお見せします。\n"
      "小川：さっそくですが、黒田さん、今作のテーマを教えてください。\n"
      "黒田：ひと言でいうと「みんなで作る宇宙」です。\n"
      "小川：宮下さん、開発で苦労したところは？\n"
      "宮下：通信の仕組みですね。想像以上に大変でした。\n";
  Document doc = annotated(text);
  BOOST_TEST(role_of(doc, "小川真奈美") == "moderator");
  BOOST_TEST(who_says(doc)["宮下さん、開発で苦労したところは？"] == "小川：|小川真奈美");
  // 司会の…アナウンサー, the name as the label writes it.
  std::string text2 = text;
  text2.replace(text2.find("司会は小川真奈美アナウンサー"), std::string("司会は小川真奈美アナウンサー").size(),
                "司会の小川アナウンサー");
  Document doc2 = annotated(text2);
  BOOST_TEST(role_of(doc2, "小川") == "moderator");
  BOOST_TEST(role_of(doc2, "黒田") != "moderator");
}

BOOST_AUTO_TEST_CASE(a_review_page_with_a_name_line_over_a_rating_line_gives_each_review_its_turn) {
  std::string text =
      "港町の灯台守（著：水島 遼）のレビュー\n"
      "平均評価　4.2（レビュー34件）\n"
      "しおり\n"
      "★★★★★\n"
      "2026年8月3日に購入\n"
      "読み終えてしばらく、灯台の光の場面が頭から離れませんでした。\n"
      "通勤の電車で少しずつ読むつもりが、週末に一気に読んでしまいました。\n"
      "ふくろう文庫\n"
      "★★★☆☆\n"
      "2026年7月21日に購入\n"
      "前半はとても良かったのですが、後半の展開が急ぎ足に感じました。\n"
      "T.Nakamura\n"
      "★★★★☆\n"
      "灯台の仕組みについての説明が正確で、作者がよく調べていることがわかります。\n"
      "すべてのレビューを見る\n";
  Document doc = annotated(text);
  auto w = who_says(doc);
  BOOST_TEST(w["読み終えてしばらく、灯台の光の場面が頭から離れませんでした。"] == "しおり|しおり");
  BOOST_TEST(w["通勤の電車で少しずつ読むつもりが、週末に一気に読んでしまいました。"] == "しおり|しおり");
  BOOST_TEST(w["前半はとても良かったのですが、後半の展開が急ぎ足に感じました。"] == "ふくろう文庫|ふくろう文庫");
  BOOST_TEST(w["灯台の仕組みについての説明が正確で、作者がよく調べていることがわかります。"] == "T.Nakamura|T.Nakamura");
  BOOST_TEST(w["平均評価　4.2（レビュー34件）"] == "-");
  // The name with an age in brackets, the rating with its score, a date line and the review's
  // title over the review.
  std::string dated =
      "そば殻まくらのレビュー（12件）\n"
      "そばがら好き（40代・女性）\n"
      "★★★★☆ 4\n"
      "購入日：2026/05/01\n"
      "首が楽になりました\n"
      "高さを中身で調整できるのが良いです。朝まで一度も起きずに眠れました。\n"
      "ねこまくら（30代・男性）\n"
      "★★☆☆☆ 2\n"
      "購入日：2026/04/12\n"
      "音が気になる\n"
      "寝返りのたびにシャリシャリと音がして、慣れるまで時間がかかりました。\n";
  Document doc3 = annotated(dated);
  auto w3 = who_says(doc3);
  BOOST_TEST(w3["高さを中身で調整できるのが良いです。朝まで一度も起きずに眠れました。"] == "そばがら好き（40代・女性）|そばがら好き");
  BOOST_TEST(w3["首が楽になりました"] == "そばがら好き（40代・女性）|そばがら好き");
  BOOST_TEST(w3["購入日：2026/04/12"] == "ねこまくら（30代・男性）|ねこまくら");
  BOOST_TEST(w3["寝返りのたびにシャリシャリと音がして、慣れるまで時間がかかりました。"] == "ねこまくら（30代・男性）|ねこまくら");
  // A list of products with their ratings and no review under them: no posts.
  std::string list =
      "この商品を見た人はこんな商品も見ています\n"
      "電動コーヒーミル CG-500\n"
      "★★★★☆\n"
      "手挽きコーヒーミル\n"
      "★★★☆☆\n"
      "ステンレス製ドリッパー\n"
      "★★★★★\n";
  Document doc2 = annotated(list);
  BOOST_TEST(doc2.header.persons.empty());
}

BOOST_AUTO_TEST_CASE(a_quiz_pages_written_answers_are_nobodys_turns) {
  // 正解は「…」。 under each question writes the answer out: prose, not a verdict said aloud
  // (正解！, 正解です) that would open another person's turn.
  std::string text = "【難読漢字クイズ】野菜の名前、全部読める？\n2026年12月4日\n毎日の料理でおなじみの野菜も、漢字で書かれると意外と読めないもの。\n";
  const char* const words[][2] = {{"胡瓜", "きゅうり"}, {"南瓜", "かぼちゃ"}, {"牛蒡", "ごぼう"}};
  int n = 0;
  for (auto& w : words)
    text += "問" + std::to_string(++n) + "　「" + w[0] + "」は何と読む？\nヒント：よく食べる野菜です\n答えを見る\n正解は「" + w[1] +
            "」。昔から親しまれてきた野菜です。\n";
  Document doc = annotated(text);
  auto w = who_says(doc);
  BOOST_TEST(w["正解は「ごぼう」。昔から親しまれてきた野菜です。"] == "-");
  BOOST_TEST(w["ヒント：よく食べる野菜です"] == "-");
}
