// Fills a demo database for the dashboard benchmark of scripts/bench.sh: a
// district of `communities` communities (default 566, in streets of about
// 40), each with 30 topics of every kind and several states (some overdue),
// 10 cases of its accepted problems with their records (assigned, done,
// rated, one in four reopened), 20 verified residents and their
// participation in the audit log over the last 120 days. Run `yishi serve
// --demo` on the data directory first, and not while it serves.
//
// usage: seed_dashboards DB_PATH [communities=566]
#include <cstdio>
#include <ctime>
#include <string>

#include "yishi/domain/case_store.h"
#include "yishi/domain/proposal_store.h"
#include "yishi/storage/sqlite_database.h"

using namespace yishi;
using namespace yishi::domain;

namespace {

constexpr int kTopics = 30;
constexpr int kCases = 10;
constexpr int kResidents = 20;
constexpr int kCommunitiesPerStreet = 40;
constexpr std::int64_t kDay = 86'400;

const char* const kParticipation[] = {"proposal.submit", "comment.posted", "support.given", "poll.answered",
                                      "case.rated"};

// One community's records, made in one transaction.
void fill(Stores& st, const Community& c, UserId author, UserId staff, Instant now, int k) {
    ProposalStore& proposals = st.get<ProposalStore>();
    CaseStore& cases = st.get<CaseStore>();
    int made_cases = 0;
    for (int n = 0; n < kTopics; ++n) {
        Proposal p;
        p.community_id = c.id;
        p.author_id = author;
        p.kind = n % 3 == 0 ? ProposalKind::kWish : (n % 3 == 1 ? ProposalKind::kProblem : ProposalKind::kRule);
        p.title = "议题 " + std::to_string(n);
        p.body = "居民反映的情况与建议。";
        const ProposalState states[] = {ProposalState::kSubmitted, ProposalState::kScreening,
                                        ProposalState::kAccepted,  ProposalState::kAccepted,
                                        ProposalState::kRejected,  ProposalState::kConsultation};
        p.state =
            p.kind == ProposalKind::kProblem && made_cases < kCases ? ProposalState::kAccepted : states[(n + k) % 6];
        p.created_at = p.updated_at = p.submitted_at = now - Duration::seconds((n + 1) * 3 * kDay);
        // Submitted ones past their first response are overdue.
        p.response_due_at = p.submitted_at + Duration::hours(15);
        p.decision_due_at = p.submitted_at + Duration::days(1);
        if (p.state == ProposalState::kConsultation) p.consultation_ends_at = now + Duration::days(n % 2 ? 7 : -1);
        p.id = proposals.insertProposal(p);
        if (p.kind != ProposalKind::kProblem || p.state != ProposalState::kAccepted || made_cases >= kCases) continue;

        Case cs;
        cs.proposal_id = p.id;
        cs.community_id = c.id;
        cs.raised_by = author;
        cs.opened_at = p.submitted_at + Duration::hours(2);
        cs.id = cases.insertCase(cs);
        auto entry = [&](CaseEntryKind kind, Instant at) {
            CaseEntry e;
            e.case_id = cs.id;
            e.kind = kind;
            e.at = at;
            e.by = kind == CaseEntryKind::kRated ? author : staff;
            if (kind == CaseEntryKind::kAssigned) e.assignee = staff;
            if (kind == CaseEntryKind::kRated) {
                e.handling_stars = 3 + made_cases % 3;
                e.result_stars = made_cases % 4 == 3 ? 2 : 4;
                e.solved = true;
            }
            cases.insertEntry(e);
            applyEntry(cs, e);
        };
        entry(CaseEntryKind::kOpened, cs.opened_at);
        if (made_cases % 5 != 4) {
            entry(CaseEntryKind::kAssigned, cs.opened_at + Duration::hours(1));
            if (made_cases % 5 != 3) {
                entry(CaseEntryKind::kDone, cs.opened_at + Duration::hours(20 + 7 * made_cases));
                if (made_cases % 2 == 0) entry(CaseEntryKind::kRated, cs.opened_at + Duration::days(2));
            }
        }
        cases.updateCase(cs);
        ++made_cases;
    }
    for (int r = 0; r < kResidents; ++r) {
        const UserId id = st.users.insertUser({UserId(), "bench.dash" + std::to_string(k) + "." + std::to_string(r),
                                               "居民 " + std::to_string(r), "-", now});
        st.users.saveMembership({id, c.id, MembershipStatus::kVerified, now, now, staff, ""});
        // Two in three residents took part, at some time in the last 120 days.
        if (r % 3 == 2) continue;
        for (int a = 0; a < 3; ++a) {
            AuditEntry e;
            e.at = now - Duration::seconds(((r * 7 + a * 31) % 120) * kDay);
            e.actor = id;
            e.action = kParticipation[(r + a) % 5];
            e.subject_kind = "proposal";
            e.subject_id = 1;
            e.community = c.id;
            st.audit.append(e);
        }
    }
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: seed_dashboards DB_PATH [communities]\n");
        return 64;
    }
    const int wanted = argc > 2 ? std::stoi(argv[2]) : 566;
    auto opened = storage::SqliteDatabase::open(argv[1], {});
    if (!opened.isOk()) {
        std::fprintf(stderr, "%s\n", opened.status().toString().c_str());
        return 1;
    }
    storage::SqliteDatabase& db = *opened.value();
    UserId author, staff;
    Community home;
    int existing = 0;
    Status s = db.read([&](Stores& st) {
        std::optional<User> u = st.users.userByLogin("resident1");
        std::optional<User> admin = st.users.userByLogin("admin");
        std::optional<Community> c = st.scopes.community(CommunityId(1));
        if (!u || !admin || !c)
            return Status::notFound("seed.no_demo", "Run yishi serve --demo on this data directory first.");
        author = u->id;
        staff = admin->id;
        home = *c;
        existing = static_cast<int>(st.scopes.communities(home.district_id, {0, PageRequest::kMaxLimit}).items.size());
        return Status::ok();
    });
    const Instant now = Instant::fromSeconds(std::time(nullptr));
    StreetId street;
    for (int k = existing; s.isOk() && k < wanted; ++k) {
        s = db.write([&](Stores& st) {
            if ((k - existing) % kCommunitiesPerStreet == 0) {
                street =
                    st.scopes.insertStreet(home.district_id, "基准街道" + std::to_string(k / kCommunitiesPerStreet));
            }
            Community c{CommunityId(), street, home.district_id, "基准社区" + std::to_string(k),
                        "DASH" + std::to_string(10000 + k)};
            c.id = st.scopes.insertCommunity(c);
            fill(st, c, author, staff, now, k);
            return Status::ok();
        });
    }
    if (!s.isOk()) {
        std::fprintf(stderr, "%s\n", s.toString().c_str());
        return 1;
    }
    std::printf("%d\n", wanted);
    return 0;
}
