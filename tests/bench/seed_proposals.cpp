// Fills a demo database for the list benchmarks of scripts/bench.sh:
// `per_community` proposals in community 1, more communities in district 1
// until the district holds `district_total`, and `comments` comments on the
// newest proposal of community 1, one in 25 of them hidden by the committee
// (so the committee reads the thread differently from residents). Prints
// that proposal's id.
//
// usage: seed_proposals DB_PATH [per_community=10000] [district_total=100000] [comments=500]
#include <cstdio>
#include <string>

#include "yishi/domain/consultation_store.h"
#include "yishi/domain/proposal_store.h"
#include "yishi/storage/sqlite_database.h"

using namespace yishi;
using namespace yishi::domain;

namespace {

Proposal proposalIn(CommunityId community, UserId author, int n) {
    Proposal p;
    p.community_id = community;
    p.author_id = author;
    p.kind = n % 3 == 0 ? ProposalKind::kWish : (n % 3 == 1 ? ProposalKind::kProblem : ProposalKind::kRule);
    p.title = "议题 " + std::to_string(n) + "：小区公共设施改善建议";
    p.body = "居民反映的情况与建议，编号 " + std::to_string(n) + "。";
    p.state = n % 5 == 0 ? ProposalState::kScreening : ProposalState::kSubmitted;
    p.created_at = p.updated_at = p.submitted_at = Instant::fromSeconds(1'795'000'000 + n);
    return p;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: seed_proposals DB_PATH [per_community] [district_total] [comments]\n");
        return 64;
    }
    const int per_community = argc > 2 ? std::stoi(argv[2]) : 10'000;
    const int district_total = argc > 3 ? std::stoi(argv[3]) : 100'000;
    const int comments = argc > 4 ? std::stoi(argv[4]) : 500;
    auto opened = storage::SqliteDatabase::open(argv[1], {});
    if (!opened.isOk()) {
        std::fprintf(stderr, "%s\n", opened.status().toString().c_str());
        return 1;
    }
    storage::SqliteDatabase& db = *opened.value();
    UserId author;
    Community home;
    Status s = db.read([&](Stores& st) {
        std::optional<User> u = st.users.userByLogin("resident1");
        std::optional<Community> c = st.scopes.community(CommunityId(1));
        if (!u || !c) return Status::notFound("seed.no_demo", "Run yishi serve --demo on this data directory first.");
        author = u->id;
        home = *c;
        return Status::ok();
    });
    if (!s.isOk()) {
        std::fprintf(stderr, "%s\n", s.toString().c_str());
        return 1;
    }
    constexpr int kBatch = 5000;
    int made = 0;
    auto fill = [&](CommunityId community, int count) {
        for (int done = 0; done < count;) {
            const int n = std::min(kBatch, count - done);
            Status w = db.write([&](Stores& st) {
                for (int i = 0; i < n; ++i)
                    st.get<ProposalStore>().insertProposal(proposalIn(community, author, made + i));
                return Status::ok();
            });
            if (!w.isOk()) {
                std::fprintf(stderr, "%s\n", w.toString().c_str());
                std::exit(1);
            }
            made += n;
            done += n;
        }
    };
    fill(home.id, per_community);
    for (int k = 0; made < district_total; ++k) {
        CommunityId other;
        db.write([&](Stores& st) {
            other = st.scopes.insertCommunity({CommunityId(), home.street_id, home.district_id,
                                               "基准小区" + std::to_string(k), "BENCH" + std::to_string(1000 + k)});
            return Status::ok();
        });
        fill(other, std::min(per_community, district_total - made));
    }
    ProposalId newest;
    db.write([&](Stores& st) {
        Proposal p = proposalIn(home.id, author, made);
        p.title = "加装电梯方案征求意见";
        newest = st.get<ProposalStore>().insertProposal(p);
        for (int i = 0; i < comments; ++i) {
            Comment c;
            c.proposal_id = newest;
            c.community_id = home.id;
            c.author_id = author;
            c.stance = i % 3 == 0 ? Stance::kFor : (i % 3 == 1 ? Stance::kNeutral : Stance::kAgainst);
            c.body = "第 " + std::to_string(i) + " 条意见：希望尽快推进，费用分摊要公平透明。";
            c.created_at = Instant::fromSeconds(1'795'000'000 + i);
            c.id = st.get<ConsultationStore>().insertComment(c);
            if (i % 25 == 24) {
                c.hidden = true;
                c.hidden_reason = "含个人信息";
                st.get<ConsultationStore>().updateComment(c);
            }
        }
        return Status::ok();
    });
    std::printf("%lld\n", static_cast<long long>(newest.value));
    return 0;
}
