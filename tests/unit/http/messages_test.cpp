// Error messages in the caller's language (issue 9, item 22).
#include <Poco/JSON/Parser.h>

#include <boost/test/unit_test.hpp>

#include "responses.h"
#include "yishi/http/messages.h"

using namespace yishi;
using namespace yishi::http;

namespace {

Poco::JSON::Object::Ptr errorOf(const ApiResponse& r) {
    return Poco::JSON::Parser().parse(r.body).extract<Poco::JSON::Object::Ptr>()->getObject("error");
}

std::string header(const ApiResponse& r, const std::string& name) {
    for (const auto& [n, v] : r.headers) {
        if (n == name) return v;
    }
    return "";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(messages)

BOOST_AUTO_TEST_CASE(accept_language_picks_the_language_and_defaults_to_zh_cn) {
    BOOST_TEST((languageFromAcceptLanguage("") == Language::kZhCn));
    BOOST_TEST((languageFromAcceptLanguage("fr-FR, de") == Language::kZhCn));
    BOOST_TEST((languageFromAcceptLanguage("en") == Language::kEn));
    BOOST_TEST((languageFromAcceptLanguage("en-US,en;q=0.9") == Language::kEn));
    BOOST_TEST((languageFromAcceptLanguage("zh-CN,zh;q=0.9,en;q=0.8") == Language::kZhCn));
    BOOST_TEST((languageFromAcceptLanguage("zh-Hans") == Language::kZhCn));
    BOOST_TEST((languageFromAcceptLanguage("en;q=0.5, zh-CN;q=0.6") == Language::kZhCn));
    BOOST_TEST((languageFromAcceptLanguage("zh;q=0.2, EN-gb;q=0.7") == Language::kEn));
    BOOST_TEST((languageFromAcceptLanguage("zh;q=0, en") == Language::kEn));
    BOOST_TEST((languageFromAcceptLanguage("en;q=0") == Language::kZhCn));
    BOOST_TEST((languageFromAcceptLanguage(";;,,q=,en;q=x") == Language::kZhCn));  // nothing readable
}

BOOST_AUTO_TEST_CASE(an_error_carries_both_languages_and_shows_the_asked_one) {
    const Status refused = Status::notFound("proposal.not_found", "There is no such proposal.");
    const ApiResponse zh = errorResponse(refused, "r1", Language::kZhCn);
    BOOST_TEST(errorOf(zh)->getValue<std::string>("code") == "proposal.not_found");
    BOOST_TEST(errorOf(zh)->getValue<std::string>("message") == "找不到这个议题。");
    BOOST_TEST(errorOf(zh)->getValue<std::string>("message_zh") == "找不到这个议题。");
    BOOST_TEST(errorOf(zh)->getValue<std::string>("message_en") == "There is no such proposal.");
    BOOST_TEST(header(zh, "Content-Language") == "zh-CN");
    const ApiResponse en = errorResponse(refused, "r1", Language::kEn);
    BOOST_TEST(errorOf(en)->getValue<std::string>("message") == "There is no such proposal.");
    BOOST_TEST(errorOf(en)->getValue<std::string>("message_zh") == "找不到这个议题。");
    BOOST_TEST(header(en, "Content-Language") == "en");
}

BOOST_AUTO_TEST_CASE(codes_made_at_run_time_get_their_familys_message) {
    BOOST_TEST(messageZhCn("volunteer.not_found").has_value());
    BOOST_TEST(messageZhCn("body.some_field").has_value());
    BOOST_TEST(messageZhCn("settings.auto_hide_reports").has_value());
    BOOST_TEST(!catalogMessageZhCn("body.some_field").has_value());
}

BOOST_AUTO_TEST_CASE(an_unknown_code_falls_back_to_english) {
    const ApiResponse r = errorResponse(Status::conflict("made.up", "A made-up refusal."), "r2", Language::kZhCn);
    BOOST_TEST(r.status == 409);
    BOOST_TEST(errorOf(r)->getValue<std::string>("message") == "A made-up refusal.");
    BOOST_TEST(errorOf(r)->getValue<std::string>("message_zh") == "A made-up refusal.");
    BOOST_TEST(errorOf(r)->getValue<std::string>("message_en") == "A made-up refusal.");
    BOOST_TEST(header(r, "Content-Language") == "en");
}

BOOST_AUTO_TEST_CASE(internal_details_stay_out_of_both_languages) {
    const ApiResponse r = errorResponse(Status::internal("server.error", "secret path /x"), "r3", Language::kZhCn);
    BOOST_TEST(r.body.find("secret") == std::string::npos);
    BOOST_TEST(errorOf(r)->getValue<std::string>("message") == *catalogMessageZhCn("server.error"));
}

BOOST_AUTO_TEST_SUITE_END()

#include "yishi/domain/system_fact.h"
#include "yishi/http/fact_text.h"

BOOST_AUTO_TEST_SUITE(stored_facts)

using yishi::domain::encodeFact;
using yishi::domain::parseFact;
namespace facts = yishi::domain::facts;

BOOST_AUTO_TEST_CASE(a_fact_round_trips_with_the_typed_words_kept_as_typed) {
    const std::string stored = encodeFact(facts::kEndedEarly, "100%\nsure", "大家都同意了\n第二行");
    const auto fact = parseFact(stored);
    BOOST_REQUIRE(fact.has_value());
    BOOST_TEST(fact->kind == "ended_early");
    BOOST_TEST(fact->value == "100%\nsure");
    BOOST_TEST(fact->typed == "大家都同意了\n第二行");
    BOOST_TEST(encodeFact(facts::kAutoHidden, "3") == "auto_hidden:3");
    BOOST_TEST(encodeFact(facts::kMergedFrom, "4", "重复") == "merged_from:4\n重复");
}

BOOST_AUTO_TEST_CASE(plain_words_and_old_sentences_read_as_they_are) {
    for (const std::string old : {"Hidden after 3 reports, until the committee reviews it.", "含个人信息",
                                  "sent to the district: 太大", "note: see above", ""}) {
        BOOST_TEST(!parseFact(old).has_value(), old);
        BOOST_TEST(renderStoredText(old, Language::kZhCn) == old);
        BOOST_TEST(renderStoredText(old, Language::kEn) == old);
    }
}

BOOST_AUTO_TEST_CASE(facts_are_rendered_in_the_readers_language) {
    BOOST_TEST(renderStoredText("auto_hidden:3", Language::kZhCn) == "收到 3 次举报，已自动隐藏，等待居委会审核。");
    BOOST_TEST(renderStoredText("auto_hidden:1", Language::kEn) ==
               "Hidden after 1 report, until the committee reviews it.");
    BOOST_TEST(renderStoredText("attended:12", Language::kEn) == "12 people attended");
    BOOST_TEST(renderStoredText("attended:1", Language::kEn) == "1 person attended");
    BOOST_TEST(renderStoredText("attended:12", Language::kZhCn) == "12 人参会");
    BOOST_TEST(renderStoredText("merged_from:4\n重复了", Language::kZhCn) == "由 #4 合并而来：重复了");
    BOOST_TEST(renderStoredText("merged_from:4", Language::kEn) == "Merged from #4");
    BOOST_TEST(renderStoredText("escalated_to:district\n太大", Language::kEn) == "Sent to the district: 太大");
    BOOST_TEST(renderStoredText(encodeFact(facts::kEndedEarly, "已有共识", "付诸表决"), Language::kZhCn) ==
               "付诸表决（协商提前结束，理由：已有共识）");
    // A known kind with a value this version cannot read is shown as stored.
    BOOST_TEST(renderStoredText("auto_hidden:many", Language::kZhCn) == "auto_hidden:many");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(stored_facts_more)

BOOST_AUTO_TEST_CASE(a_rebase_and_leaving_are_rendered_in_the_readers_language) {
    BOOST_TEST(yishi::http::renderStoredText("rebased:1-2\n修订二取代修订一", yishi::http::Language::kZhCn) ==
               "由第 1 版改到第 2 版：修订二取代修订一");
    BOOST_TEST(yishi::http::renderStoredText("rebased:1-2", yishi::http::Language::kEn) ==
               "Moved from version 1 onto version 2");
    BOOST_TEST(yishi::http::renderStoredText("left_by:resident", yishi::http::Language::kZhCn) == "本人已退出");
    BOOST_TEST(yishi::http::renderStoredText("left_by:resident", yishi::http::Language::kEn) == "Left by the resident");
    BOOST_TEST(yishi::http::renderStoredText("left by the resident", yishi::http::Language::kZhCn) ==
               "left by the resident");  // an old row
}

// A residents' vote's step reads as words, in rows written now and in
// rows written before the fact kind ("election/<id>").
BOOST_AUTO_TEST_CASE(a_votes_step_reads_as_words_and_names_the_vote) {
    using yishi::http::electionOfStoredText;
    using yishi::http::Language;
    using yishi::http::renderStoredText;
    for (const char* stored : {"election:7", "election/7"}) {
        BOOST_TEST(electionOfStoredText(stored) == 7);
        BOOST_TEST(renderStoredText(stored, Language::kZhCn, "proposal.send_to_vote") == "已交居民投票");
        BOOST_TEST(renderStoredText(stored, Language::kZhCn, "voting") == "已交居民投票");
        BOOST_TEST(renderStoredText(stored, Language::kZhCn, "not_adopted") == "居民投票结果：未通过");
        BOOST_TEST(renderStoredText(stored, Language::kEn, "proposal.adopt") == "Residents' vote: adopted");
        BOOST_TEST(renderStoredText(stored, Language::kZhCn) == "由居民投票决定");
        BOOST_TEST(renderStoredText(stored, Language::kZhCn, "wish_round.opened") == "居民投票已开始");
    }
    BOOST_TEST(electionOfStoredText("election/") == 0);
    BOOST_TEST(electionOfStoredText("election/7x") == 0);
    BOOST_TEST(renderStoredText("election/7x", Language::kZhCn) == "election/7x");  // typed words stay
    BOOST_TEST(electionOfStoredText("同意") == 0);
}

BOOST_AUTO_TEST_SUITE_END()
