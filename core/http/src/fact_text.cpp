#include "yishi/http/fact_text.h"

#include "yishi/common/english_count.h"
#include "yishi/domain/system_fact.h"

namespace yishi::http {

namespace {

namespace facts = domain::facts;

bool isCount(const std::string& v) {
    return !v.empty() && v.size() <= 18 && v.find_first_not_of("0123456789") == std::string::npos;
}

std::string withTyped(std::string sentence, const std::string& typed, Language language) {
    if (typed.empty()) return sentence;
    return sentence + (language == Language::kEn ? ": " : "：") + typed;
}

// A vote's step in words; the step is the trace's action or the state.
std::string voteStep(std::string_view step, bool en) {
    if (step.substr(0, 9) == "proposal.") step.remove_prefix(9);
    if (step == "send_to_vote" || step == "voting") return en ? "Sent to a residents' vote" : "已交居民投票";
    if (step == "wish_round.opened") return en ? "The residents' vote opened" : "居民投票已开始";
    if (step == "adopt" || step == "adopted") return en ? "Residents' vote: adopted" : "居民投票结果：通过";
    if (step == "not_adopt" || step == "not_adopted") {
        return en ? "Residents' vote: not adopted" : "居民投票结果：未通过";
    }
    if (step == "form_project" || step == "project") {
        return en ? "Chosen by the residents' vote; it is now a project" : "居民投票选中，已转为项目";
    }
    return en ? "Decided by a residents' vote" : "由居民投票决定";
}

}  // namespace

std::int64_t electionOfStoredText(std::string_view stored) {
    const std::optional<domain::SystemFact> fact = domain::parseFact(stored);
    if (!fact || fact->kind != facts::kElection || !isCount(fact->value)) return 0;
    return std::stoll(fact->value);
}

std::string renderStoredText(std::string_view stored, Language language, std::string_view step) {
    if (electionOfStoredText(stored) != 0) return voteStep(step, language == Language::kEn);
    return renderStoredText(stored, language);
}

std::string renderStoredText(std::string_view stored, Language language) {
    const std::optional<domain::SystemFact> fact = domain::parseFact(stored);
    if (!fact) return std::string(stored);
    const bool en = language == Language::kEn;
    const std::string& v = fact->value;
    if (fact->kind == facts::kAutoHidden && isCount(v)) {
        return en ? "Hidden after " + countOf(std::stoll(v), "report", "reports") + ", until the committee reviews it."
                  : "收到 " + v + " 次举报，已自动隐藏，等待居委会审核。";
    }
    if (fact->kind == facts::kAttended && isCount(v)) {
        return en ? countOf(std::stoll(v), "person", "people") + " attended" : v + " 人参会";
    }
    if (fact->kind == facts::kMergedFrom && isCount(v)) {
        return withTyped(en ? "Merged from #" + v : "由 #" + v + " 合并而来", fact->typed, language);
    }
    if (fact->kind == facts::kEscalatedTo && v == "district") {
        return withTyped(en ? "Sent to the district" : "已转交区里处理", fact->typed, language);
    }
    if (fact->kind == facts::kRebased) {
        const std::size_t dash = v.find('-');
        const std::string from = v.substr(0, dash);
        const std::string onto = dash == std::string::npos ? "" : v.substr(dash + 1);
        if (isCount(from) && isCount(onto)) {
            return withTyped(en ? "Moved from version " + from + " onto version " + onto
                                : "由第 " + from + " 版改到第 " + onto + " 版",
                             fact->typed, language);
        }
    }
    if (fact->kind == facts::kAssignedTo && !v.empty()) {
        return withTyped(en ? "Assigned to " + v : "交由" + v + "负责", fact->typed, language);
    }
    if (fact->kind == facts::kRated) {
        const std::size_t dash = v.find('-');
        const std::string handling = v.substr(0, dash);
        const std::string result = dash == std::string::npos ? "" : v.substr(dash + 1);
        if (isCount(handling) && isCount(result)) {
            return withTyped(en ? "Handling " + handling + " stars, result " + result + " stars"
                                : "办理过程 " + handling + " 星，办理结果 " + result + " 星",
                             fact->typed, language);
        }
    }
    if (fact->kind == facts::kLowRating && isCount(v)) {
        return en ? "Reopened: the result was rated " + countOf(std::stoll(v), "star", "stars")
                  : "办理结果只有 " + v + " 星，重新办理";
    }
    if (fact->kind == facts::kLeftBy && v == "resident") return en ? "Left by the resident" : "本人已退出";
    if (fact->kind == facts::kEndedEarly) {
        const std::string note = en ? "ended before the announced end: " + v : "协商提前结束，理由：" + v;
        if (fact->typed.empty()) return en ? "Ended before the announced end: " + v : note;
        return fact->typed + (en ? " (" + note + ")" : "（" + note + "）");
    }
    if (fact->kind == facts::kElection && isCount(v)) return voteStep("", en);
    return std::string(stored);  // a known kind with a value this version cannot read
}

}  // namespace yishi::http
