#include "support/faulty_database.h"

#include <SQLiteCpp/Exception.h>
#include <sqlite3.h>

namespace yishi::testing {

using namespace yishi::domain;

class FaultyDatabase::Audit final : public AuditLog {
  public:
    Audit(FaultyDatabase& db, AuditLog& real) : db_(db), real_(real) {}
    void append(const AuditEntry& entry) override {
        db_.storeCall();
        real_.append(entry);
    }
    std::vector<AuditEntry> forSubject(const std::string& kind, std::int64_t id, int limit) override {
        db_.storeCall();
        return real_.forSubject(kind, id, limit);
    }
    std::vector<AuditEntry> forCommunity(CommunityId community, const std::string& prefix, int limit) override {
        db_.storeCall();
        return real_.forCommunity(community, prefix, limit);
    }
    Page<AuditEntry> query(const AuditQuery& query, PageRequest page) override {
        db_.storeCall();
        return real_.query(query, page);
    }

  private:
    FaultyDatabase& db_;
    AuditLog& real_;
};

class FaultyDatabase::Outbox final : public EventOutbox {
  public:
    Outbox(FaultyDatabase& db, EventOutbox& real) : db_(db), real_(real) {}
    std::int64_t append(const DomainEvent& event) override {
        db_.storeCall();
        return real_.append(event);
    }
    std::vector<DomainEvent> eventsAfter(std::int64_t after, int limit) override {
        db_.storeCall();
        return real_.eventsAfter(after, limit);
    }

  private:
    FaultyDatabase& db_;
    EventOutbox& real_;
};

class FaultyDatabase::Features final : public FeatureStores {
  public:
    Features(FaultyDatabase& db, FeatureStores& real) : db_(db), real_(real) {}
    void* find(std::type_index port) override {
        db_.storeCall();
        return real_.find(port);
    }

  private:
    FaultyDatabase& db_;
    FeatureStores& real_;
};

void FaultyDatabase::arm(int call, Fault fault) {
    fault_ = fault;
    fail_at_ = call;
    calls_ = 0;
    fired_ = false;
}

void FaultyDatabase::disarm() { arm(0, Fault::kBusy); }

void FaultyDatabase::storeCall() {
    const int call = ++calls_;
    if (call != fail_at_.load()) return;
    fired_ = true;
    // The codes and words SQLite itself uses, so that the real database
    // cannot tell this from a real fault (and must not repeat the words).
    if (fault_.load() == Fault::kBusy) throw SQLite::Exception("database is locked (injected)", SQLITE_BUSY);
    throw SQLite::Exception("disk I/O error (injected)", SQLITE_IOERR);
}

Work FaultyDatabase::wrapped(const Work& work) {
    return [this, &work](Stores& real) {
        Audit audit(*this, real.audit);
        Outbox outbox(*this, real.outbox);
        Features features(*this, real.features);
        Stores view{real.scopes, real.users, real.sessions, audit, outbox, features};
        return work(view);
    };
}

Status FaultyDatabase::read(const Work& work) { return real_.read(wrapped(work)); }

Status FaultyDatabase::write(const Work& work) { return real_.write(wrapped(work)); }

}  // namespace yishi::testing
