#pragma once

#include <optional>
#include <vector>

#include "yishi/domain/council_store.h"

// The feature's store port over one Connection (core/storage), for the
// length of one transaction.
namespace yishi::storage {

class Connection;

class SqliteCouncilStore final : public domain::CouncilStore {
  public:
    explicit SqliteCouncilStore(Connection& c) : c_(c) {}
    std::int64_t insertCall(const domain::TopicCall& call) override;
    std::optional<domain::TopicCall> call(std::int64_t id) override;
    void closeCall(std::int64_t id, Instant at) override;
    domain::Page<domain::TopicCall> calls(CommunityId community, domain::PageRequest page) override;
    bool insertCallTopic(const domain::CallTopic& topic) override;
    std::vector<domain::CallTopic> callTopics(std::int64_t call_id) override;
    std::int64_t countCallTopics(std::int64_t call_id) override;
    void putMark(const domain::AdoptionMark& mark) override;
    std::optional<domain::AdoptionMark> mark(domain::CommentId comment) override;
    std::vector<domain::AdoptionMark> marksOfProposal(domain::ProposalId proposal) override;
    std::vector<domain::AdoptionMark> marksOfCommunity(CommunityId community) override;

  private:
    Connection& c_;
};

}  // namespace yishi::storage
