#include "yishi/domain/poll_service.h"

#include <string_view>
#include <utility>

#include "yishi/domain/polls_changes.h"
#include "yishi/domain/polls_store.h"
#include "yishi/domain/validation.h"

namespace yishi::domain {

namespace {

Status notFound() { return Status::notFound("poll.not_found", "There is no such poll."); }

// An answer as residents tell answers apart: without the spaces (ASCII or
// the full-width 　) around it.
std::string trimmed(std::string_view text) {
    constexpr std::string_view kWide = "\u3000";
    for (;;) {
        if (text.starts_with(' ') || text.starts_with('\t')) {
            text.remove_prefix(1);
        } else if (text.ends_with(' ') || text.ends_with('\t')) {
            text.remove_suffix(1);
        } else if (text.starts_with(kWide)) {
            text.remove_prefix(kWide.size());
        } else if (text.ends_with(kWide)) {
            text.remove_suffix(kWide.size());
        } else {
            return std::string(text);
        }
    }
}

Status validInput(const PollService::Input& input, Instant now) {
    YISHI_RETURN_IF_ERROR(validateName("title", input.title, 200));
    YISHI_RETURN_IF_ERROR(validateText("description", input.description, 5000));
    if (input.closes_at <= now || input.closes_at > now + Duration::days(366)) {
        return Status::invalid("poll.closes_at", "A poll closes after now and within a year (closes_at).");
    }
    if (input.questions.empty() || input.questions.size() > kMaxPollQuestions) {
        return Status::invalid("poll.questions",
                               "A poll has 1 to " + std::to_string(kMaxPollQuestions) + " questions.");
    }
    for (const PollService::Input::Question& q : input.questions) {
        YISHI_RETURN_IF_ERROR(validateName("question", q.text, 200));
        if (q.options.size() < kMinPollOptions || q.options.size() > kMaxPollOptions) {
            return Status::invalid("poll.options", "A question has " + std::to_string(kMinPollOptions) + " to " +
                                                       std::to_string(kMaxPollOptions) + " options.");
        }
        for (const std::string& o : q.options) {
            YISHI_RETURN_IF_ERROR(validateName("option", o, 200));
            if (trimmed(o).empty()) return Status::invalid("option.invalid", "option may not be empty.");
        }
        // The same answer twice splits its votes and reads as a mistake.
        for (std::size_t i = 0; i < q.options.size(); ++i) {
            for (std::size_t j = 0; j < i; ++j) {
                if (trimmed(q.options[i]) == trimmed(q.options[j])) {
                    return Status::invalid("poll.duplicate_option", "The answer \"" + trimmed(q.options[i]) +
                                                                        "\" is given twice in question \"" + q.text +
                                                                        "\"; each answer once.");
                }
            }
        }
    }
    return Status::ok();
}

PollService::View viewOf(Stores& s, const Actor& actor, Poll poll, Instant now) {
    PollStore& store = s.get<PollStore>();
    PollService::View v;
    v.closed = pollClosed(poll, now);
    v.answers = store.answerCount(poll.id);
    if (v.closed) v.results = computePollResults(poll, store.choices(poll.id));
    if (actor.isAuthenticated()) v.mine = store.choicesOf(poll.id, actor.userId());
    v.may_answer = !v.closed && v.mine.empty() && actor.requireVerifiedResident(poll.community_id).isOk();
    v.poll = std::move(poll);
    return v;
}

}  // namespace

PollService::PollService(Database& db, const Clock& clock) : db_(db), clock_(clock) {}

Result<PollService::View> PollService::create(const Actor& actor, CommunityId community, const Input& input) {
    YISHI_RETURN_IF_ERROR(actor.requireSignedIn());
    const Instant now = clock_.now();
    YISHI_RETURN_IF_ERROR(validInput(input, now));
    View view;
    YISHI_RETURN_IF_ERROR(db_.write([&](Stores& s) {
        std::optional<Community> c = s.scopes.community(community);
        if (!c) return Status::notFound("community.not_found", "There is no such community.");
        if (!actor.canManage(*c)) {
            return Status::forbidden("poll.forbidden", "Only this community's committee asks its residents.");
        }
        Poll poll;
        poll.community_id = community;
        poll.title = input.title;
        poll.description = input.description;
        poll.created_at = now;
        poll.closes_at = input.closes_at;
        poll.created_by = actor.userId();
        for (const Input::Question& q : input.questions) {
            PollQuestion question;
            question.text = q.text;
            question.multiple = q.multiple;
            for (const std::string& o : q.options) question.options.push_back({0, 0, trimmed(o)});
            poll.questions.push_back(std::move(question));
        }
        s.get<PollStore>().insertPoll(poll);
        s.record({changes::kPollCreated, now, actor.userId(), poll.id, community, poll.title});
        view = viewOf(s, actor, std::move(poll), now);
        return Status::ok();
    }));
    return view;
}

Result<PollService::View> PollService::get(const Actor& actor, std::int64_t id) {
    View view;
    YISHI_RETURN_IF_ERROR(db_.read([&](Stores& s) {
        std::optional<Poll> poll = s.get<PollStore>().poll(id);
        if (!poll) return notFound();
        view = viewOf(s, actor, std::move(*poll), clock_.now());
        return Status::ok();
    }));
    return view;
}

Result<Page<PollService::Summary>> PollService::list(CommunityId community, PageRequest page) {
    Page<Summary> out;
    const Instant now = clock_.now();
    YISHI_RETURN_IF_ERROR(db_.read([&](Stores& s) {
        if (!s.scopes.community(community))
            return Status::notFound("community.not_found", "There is no such community.");
        Page<Poll> polls = s.get<PollStore>().list(community, page.clamped());
        out.next_after = polls.next_after;
        for (Poll& p : polls.items) {
            const std::int64_t answers = s.get<PollStore>().answerCount(p.id);
            const bool closed = pollClosed(p, now);
            out.items.push_back({std::move(p), closed, answers});
        }
        return Status::ok();
    }));
    return out;
}

Result<PollService::View> PollService::answer(const Actor& actor, std::int64_t id,
                                              const std::vector<std::int64_t>& option_ids) {
    YISHI_RETURN_IF_ERROR(actor.requireSignedIn());
    View view;
    YISHI_RETURN_IF_ERROR(db_.write([&](Stores& s) {
        std::optional<Poll> poll = s.get<PollStore>().poll(id);
        if (!poll) return notFound();
        YISHI_RETURN_IF_ERROR(actor.requireVerifiedResident(poll->community_id));
        const Instant now = clock_.now();
        if (pollClosed(*poll, now)) return Status::conflict("poll.closed", "This poll is closed.");
        YISHI_RETURN_IF_ERROR(checkPollAnswer(*poll, option_ids));
        if (!s.get<PollStore>().insertAnswer(poll->id, actor.userId(), now, option_ids)) {
            return Status::conflict("poll.answered", "You answered this poll already; an answer is final.");
        }
        s.record({changes::kPollAnswered, now, actor.userId(), poll->id, poll->community_id, "", actor.userId()});
        view = viewOf(s, actor, std::move(*poll), now);
        return Status::ok();
    }));
    return view;
}

}  // namespace yishi::domain
