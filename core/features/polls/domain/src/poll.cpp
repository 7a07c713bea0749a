#include "yishi/domain/poll.h"

#include <map>
#include <set>

namespace yishi::domain {

Status checkPollAnswer(const Poll& poll, const std::vector<std::int64_t>& option_ids) {
    std::map<std::int64_t, const PollQuestion*> question_of;
    for (const PollQuestion& q : poll.questions) {
        for (const PollOption& o : q.options) question_of[o.id] = &q;
    }
    std::set<std::int64_t> seen;
    std::map<const PollQuestion*, std::size_t> chosen;
    for (std::int64_t id : option_ids) {
        const auto found = question_of.find(id);
        if (found == question_of.end()) {
            return Status::invalid("poll.choice", "Option " + std::to_string(id) + " is not one of this poll's.");
        }
        if (!seen.insert(id).second) {
            return Status::invalid("poll.choice", "Option " + std::to_string(id) + " is chosen twice.");
        }
        ++chosen[found->second];
    }
    for (const PollQuestion& q : poll.questions) {
        const std::size_t n = chosen[&q];
        if (n == 0) return Status::invalid("poll.choice", "Every question needs an answer: \"" + q.text + "\".");
        if (!q.multiple && n > 1) {
            return Status::invalid("poll.choice", "\"" + q.text + "\" takes one option only.");
        }
    }
    return Status::ok();
}

std::vector<PollQuestionResult> computePollResults(const Poll& poll, const std::vector<PollChoice>& choices) {
    std::map<std::int64_t, std::int64_t> per_option;
    std::map<std::int64_t, std::int64_t> question_of;
    for (const PollQuestion& q : poll.questions) {
        for (const PollOption& o : q.options) question_of[o.id] = q.id;
    }
    std::map<std::int64_t, std::set<std::int64_t>> respondents;  // question -> users
    for (const PollChoice& c : choices) {
        const auto q = question_of.find(c.option_id);
        if (q == question_of.end()) continue;  // not this poll's: the store never gives one
        ++per_option[c.option_id];
        respondents[q->second].insert(c.user.value);
    }
    std::vector<PollQuestionResult> out;
    for (const PollQuestion& q : poll.questions) {
        PollQuestionResult r;
        r.question_id = q.id;
        r.respondents = static_cast<std::int64_t>(respondents[q.id].size());
        for (const PollOption& o : q.options) r.options.push_back({o.id, per_option[o.id]});
        out.push_back(std::move(r));
    }
    return out;
}

}  // namespace yishi::domain
