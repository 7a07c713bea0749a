#include "yishi/domain/topic_call_service.h"

#include <utility>

#include "yishi/domain/council_changes.h"
#include "yishi/domain/council_store.h"
#include "yishi/domain/proposal_store.h"
#include "yishi/domain/validation.h"

namespace yishi::domain {

namespace {

Status notFound() { return Status::notFound("topic_call.not_found", "There is no such call for topics."); }
Status closedCall() { return Status::conflict("topic_call.closed", "This call for topics is closed."); }

Status validInput(const TopicCallService::Input& input, Instant now) {
    YISHI_RETURN_IF_ERROR(validateName("title", input.title, 200));
    YISHI_RETURN_IF_ERROR(validateText("description", input.description, 5000));
    YISHI_RETURN_IF_ERROR(validateText("theme", input.theme, 100));
    if (input.deadline <= now || input.deadline > now + Duration::days(366)) {
        return Status::invalid("topic_call.deadline", "A call's deadline is after now and within a year.");
    }
    return Status::ok();
}

TopicCallService::View viewOf(Stores& s, const Actor& actor, TopicCall call, Instant now) {
    TopicCallService::View v;
    v.closed = topicCallClosed(call, now);
    for (const CallTopic& t : s.get<CouncilStore>().callTopics(call.id)) {
        std::optional<Proposal> p = s.get<ProposalStore>().proposal(t.proposal_id);
        // A draft is its author's alone until submitted.
        if (!p || p->state == ProposalState::kDraft) continue;
        v.topics.push_back({p->id, p->title, p->state, t.linked_at});
    }
    v.may_answer = !v.closed && actor.requireVerifiedResident(call.community_id).isOk();
    if (!v.closed) {
        std::optional<Community> c = s.scopes.community(call.community_id);
        v.may_close = c && actor.canManage(*c);
    }
    v.call = std::move(call);
    return v;
}

}  // namespace

TopicCallService::TopicCallService(Database& db, const Clock& clock) : db_(db), clock_(clock) {}

Result<TopicCallService::View> TopicCallService::open(const Actor& actor, CommunityId community, const Input& input) {
    YISHI_RETURN_IF_ERROR(actor.requireSignedIn());
    const Instant now = clock_.now();
    YISHI_RETURN_IF_ERROR(validInput(input, now));
    View view;
    YISHI_RETURN_IF_ERROR(db_.write([&](Stores& s) {
        std::optional<Community> c = s.scopes.community(community);
        if (!c) return Status::notFound("community.not_found", "There is no such community.");
        if (!actor.canManage(*c)) {
            return Status::forbidden("topic_call.forbidden", "Only this community's committee calls for topics.");
        }
        TopicCall call;
        call.community_id = community;
        call.title = input.title;
        call.description = input.description;
        call.theme = input.theme;
        call.created_at = now;
        call.deadline = input.deadline;
        call.created_by = actor.userId();
        call.id = s.get<CouncilStore>().insertCall(call);
        s.record({changes::kTopicCallOpened, now, actor.userId(), call.id, community, call.title});
        view = viewOf(s, actor, std::move(call), now);
        return Status::ok();
    }));
    return view;
}

Result<TopicCallService::View> TopicCallService::get(const Actor& actor, std::int64_t id) {
    View view;
    YISHI_RETURN_IF_ERROR(db_.read([&](Stores& s) {
        std::optional<TopicCall> call = s.get<CouncilStore>().call(id);
        if (!call) return notFound();
        view = viewOf(s, actor, std::move(*call), clock_.now());
        return Status::ok();
    }));
    return view;
}

Result<Page<TopicCallService::Summary>> TopicCallService::list(CommunityId community, PageRequest page) {
    Page<Summary> out;
    const Instant now = clock_.now();
    YISHI_RETURN_IF_ERROR(db_.read([&](Stores& s) {
        if (!s.scopes.community(community))
            return Status::notFound("community.not_found", "There is no such community.");
        Page<TopicCall> calls = s.get<CouncilStore>().calls(community, page.clamped());
        out.next_after = calls.next_after;
        for (TopicCall& c : calls.items) {
            const std::int64_t topics = s.get<CouncilStore>().countCallTopics(c.id);
            const bool closed = topicCallClosed(c, now);
            out.items.push_back({std::move(c), closed, topics});
        }
        return Status::ok();
    }));
    return out;
}

Result<TopicCallService::View> TopicCallService::close(const Actor& actor, std::int64_t id) {
    YISHI_RETURN_IF_ERROR(actor.requireSignedIn());
    View view;
    YISHI_RETURN_IF_ERROR(db_.write([&](Stores& s) {
        std::optional<TopicCall> call = s.get<CouncilStore>().call(id);
        if (!call) return notFound();
        std::optional<Community> c = s.scopes.community(call->community_id);
        if (!c || !actor.canManage(*c)) {
            return Status::forbidden("topic_call.forbidden", "Only this community's committee closes its calls.");
        }
        const Instant now = clock_.now();
        if (topicCallClosed(*call, now)) return closedCall();
        s.get<CouncilStore>().closeCall(call->id, now);
        call->closed_at = now;
        s.record({changes::kTopicCallClosed, now, actor.userId(), call->id, call->community_id, call->title});
        view = viewOf(s, actor, std::move(*call), now);
        return Status::ok();
    }));
    return view;
}

Result<TopicCallService::View> TopicCallService::answer(const Actor& actor, std::int64_t id, ProposalId proposal) {
    YISHI_RETURN_IF_ERROR(actor.requireSignedIn());
    View view;
    YISHI_RETURN_IF_ERROR(db_.write([&](Stores& s) {
        std::optional<TopicCall> call = s.get<CouncilStore>().call(id);
        if (!call) return notFound();
        YISHI_RETURN_IF_ERROR(actor.requireVerifiedResident(call->community_id));
        const Instant now = clock_.now();
        if (topicCallClosed(*call, now)) return closedCall();
        std::optional<Proposal> p = s.get<ProposalStore>().proposal(proposal);
        // Another's draft is not to be known of.
        if (!p || (p->state == ProposalState::kDraft && p->author_id != actor.userId())) {
            return Status::notFound("proposal.not_found", "There is no such proposal.");
        }
        if (p->author_id != actor.userId()) {
            return Status::forbidden("topic_call.not_your_topic",
                                     "Only its author raises a topic in answer to a call.");
        }
        if (p->community_id != call->community_id) {
            return Status::invalid("topic_call.other_community", "The topic is another community's.");
        }
        if (p->state == ProposalState::kMerged) {
            return Status::invalid("topic_call.merged", "A merged topic lives on in the one it was merged into.");
        }
        if (!s.get<CouncilStore>().insertCallTopic({call->id, p->id, now})) {
            return Status::conflict("topic_call.already_answered", "This topic answers a call already.");
        }
        s.record({changes::kTopicCallAnswered, now, actor.userId(), call->id, call->community_id,
                  "proposal " + std::to_string(p->id.value)});
        view = viewOf(s, actor, std::move(*call), now);
        return Status::ok();
    }));
    return view;
}

}  // namespace yishi::domain
