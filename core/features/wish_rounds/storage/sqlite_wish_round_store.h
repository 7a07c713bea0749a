#pragma once

#include <optional>
#include <vector>

#include "yishi/domain/wish_round.h"

// The feature's store port over one Connection (core/storage), for the
// length of one transaction.
namespace yishi::storage {

class Connection;

class SqliteWishRoundStore final : public domain::WishRoundStore {
  public:
    explicit SqliteWishRoundStore(Connection& c) : c_(c) {}
    std::int64_t insertRound(const domain::WishRound& round) override;
    void updateRound(const domain::WishRound& round) override;
    std::optional<domain::WishRound> round(std::int64_t id) override;
    std::vector<domain::WishRound> rounds(const std::vector<domain::ScopeRef>& scopes) override;
    void insertWish(const domain::RoundWish& wish) override;
    void updateWish(const domain::RoundWish& wish) override;
    std::vector<domain::RoundWish> wishes(std::int64_t round_id) override;

  private:
    Connection& c_;
};

}  // namespace yishi::storage
