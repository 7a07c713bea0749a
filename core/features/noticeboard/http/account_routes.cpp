#include "csv.h"
#include "handlers/handler_support.h"
#include "json_io.h"
#include "noticeboard_routes.h"
#include "views.h"

namespace yishi::http {

namespace {

using domain::AccountService;

void writeRow(JsonWriter& w, const AccountService::Row& r) {
    const domain::AccountEntry& e = r.entry;
    w.beginObject();
    w.member("id", e.id);
    w.member("direction", domain::accountDirectionName(e.direction));
    w.member("category", e.category);
    w.member("amount_fen", e.amount_fen);
    w.member("date", e.date.seconds());
    w.member("counterparty", e.counterparty);
    w.member("note", e.note);
    w.member("recorded_at", e.recorded_at.seconds());
    w.key("recorded_by").beginObject().member("display_name", r.by_name).endObject();
    w.member("corrects", orNull(e.corrects));
    w.member("reason", e.reason);
    w.member("corrected_by", orNull(r.corrected_by));
    w.member("counts", r.counts);
    w.endObject();
}

Result<AccountService::Input> inputOf(const Value& body) {
    AccountService::Input in;
    YISHI_ASSIGN_OR_RETURN(std::string direction, requireString(body, "direction"));
    if (!domain::parseAccountDirection(direction, &in.direction)) {
        return Status::invalid("account.direction", "direction is income or expense.");
    }
    YISHI_ASSIGN_OR_RETURN(in.category, requireString(body, "category"));
    YISHI_ASSIGN_OR_RETURN(in.amount_fen, requireInt(body, "amount_fen"));
    if (hasField(body, "date")) {
        YISHI_ASSIGN_OR_RETURN(in.date, requireTime(body, "date"));
    }
    YISHI_ASSIGN_OR_RETURN(in.counterparty, optionalString(body, "counterparty", ""));
    YISHI_ASSIGN_OR_RETURN(in.note, optionalString(body, "note", ""));
    return in;
}

// GET /api/v1/communities/{id}/accounts
ApiResponse list(AccountService& accounts, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t community, pathId(call, "id", "community"));
    YISHI_HANDLER_ASSIGN(domain::PageRequest page, pageRequest(call));
    YISHI_HANDLER_ASSIGN(auto result, accounts.list(CommunityId(community), page));
    JsonWriter w;
    writePage(w, result, writeRow);
    return sameForEveryone(jsonResponse(200, w), CommunityId(community));
}

// GET /api/v1/communities/{id}/accounts/totals
ApiResponse totals(AccountService& accounts, ApiCall& call) {
    YISHI_HANDLER_CHECK(onlyKnownQuery(call, {"year"}));
    YISHI_HANDLER_ASSIGN(std::int64_t community, pathId(call, "id", "community"));
    std::optional<int> year;
    if (const std::string text = call.query.get("year", ""); !text.empty()) {
        std::int64_t y = 0;
        if (!parsePositiveInt(text, &y) || y < 2000 || y > 2099) {
            return fail(call, Status::invalid("query.year", "year is a year from 2000 to 2099."));
        }
        year = static_cast<int>(y);
    }
    YISHI_HANDLER_ASSIGN(domain::AccountTotals t, accounts.totals(CommunityId(community), year));
    JsonWriter w;
    w.beginObject();
    w.member("community_id", community);
    w.member("year", year ? std::optional<std::int64_t>(*year) : std::nullopt);
    w.member("income_fen", t.income_fen);
    w.member("expense_fen", t.expense_fen);
    w.member("balance_fen", t.balance_fen);
    w.member("entries", t.entries);
    w.key("by_month").beginArray();
    for (const domain::AccountMonth& m : t.by_month) {
        const std::string month = isoDate({m.year, m.month, 1}).substr(0, 7);
        w.beginObject()
            .member("month", month)
            .member("income_fen", m.income_fen)
            .member("expense_fen", m.expense_fen)
            .endObject();
    }
    w.endArray();
    w.key("by_category").beginArray();
    for (const domain::AccountCategoryTotal& c : t.by_category) {
        w.beginObject()
            .member("direction", domain::accountDirectionName(c.direction))
            .member("category", c.category)
            .member("amount_fen", c.amount_fen)
            .member("entries", c.entries)
            .endObject();
    }
    w.endArray();
    w.endObject();
    return sameForEveryone(jsonResponse(200, w), CommunityId(community));
}

std::string yuan(std::int64_t fen) {
    std::string cents = std::to_string(fen % 100);
    return std::to_string(fen / 100) + "." + (cents.size() < 2 ? "0" : "") + cents;
}

const char* zhName(const std::string& code) {
    static const std::pair<const char*, const char*> kNames[] = {
        {"income", "收入"},         {"expense", "支出"},
        {"allocation", "上级拨款"}, {"public_revenue", "公共收益"},
        {"donation", "捐赠"},       {"other_income", "其他收入"},
        {"activities", "活动经费"}, {"maintenance", "维修维护"},
        {"office", "办公费用"},     {"services", "购买服务"},
        {"assistance", "帮困慰问"}, {"other_expense", "其他支出"}};
    for (const auto& [k, name] : kNames)
        if (code == k) return name;
    return nullptr;
}

// GET /api/v1/communities/{id}/accounts/export
ApiResponse exportCsv(AccountService& accounts, ApiCall& call) {
    YISHI_HANDLER_CHECK(onlyKnownQuery(call));
    YISHI_HANDLER_ASSIGN(std::int64_t community, pathId(call, "id", "community"));
    YISHI_HANDLER_ASSIGN(auto rows, accounts.all(CommunityId(community)));
    const bool zh = call.language == Language::kZhCn;
    const auto word = [zh](const std::string& code) {
        const char* name = zh ? zhName(code) : nullptr;
        return name ? std::string(name) : code;
    };
    const auto day = [&accounts](Instant at) {
        return isoDate(civilDateOfDay(localDayNumber(at, accounts.utcOffset())));
    };
    std::string out = kCsvByteOrderMark;
    out += zh ? "编号,日期,收支,类别,金额（元）,对方,说明,更正的编号,更正原因,计入合计,登记日期,登记人\r\n"
              : "id,date,direction,category,amount_yuan,counterparty,note,corrects,reason,counts,recorded_on,"
                "recorded_by\r\n";
    for (const AccountService::Row& r : rows) {
        const domain::AccountEntry& e = r.entry;
        out += std::to_string(e.id) + "," + day(e.date) + "," + word(domain::accountDirectionName(e.direction)) + "," +
               word(e.category) + "," + yuan(e.amount_fen) + "," + csvField(e.counterparty) + "," + csvField(e.note) +
               "," + (e.corrects ? std::to_string(e.corrects) : "") + "," + csvField(e.reason) + "," +
               (r.counts ? (zh ? "是" : "yes") : (zh ? "否" : "no")) + "," + day(e.recorded_at) + "," +
               csvField(r.by_name) + "\r\n";
    }
    ApiResponse response;
    response.status = 200;
    response.body = std::move(out);
    response.content_type = "text/csv; charset=utf-8";
    response.headers.emplace_back("Content-Disposition",
                                  "attachment; filename=\"accounts-" + std::to_string(community) + ".csv\"");
    return response;
}

// POST /api/v1/communities/{id}/accounts
ApiResponse record(AccountService& accounts, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t community, pathId(call, "id", "community"));
    YISHI_HANDLER_CHECK(onlyFields(call.body, {"direction", "category", "amount_fen", "date", "counterparty", "note"}));
    YISHI_HANDLER_ASSIGN(auto input, inputOf(call.body));
    YISHI_HANDLER_ASSIGN(auto row, accounts.record(call.actor, CommunityId(community), input));
    return jsonResponse(201, writeRow, row);
}

// POST /api/v1/account-entries/{id}/corrections
ApiResponse correct(AccountService& accounts, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t id, pathId(call, "id", "account"));
    YISHI_HANDLER_CHECK(
        onlyFields(call.body, {"direction", "category", "amount_fen", "date", "counterparty", "note", "reason"}));
    YISHI_HANDLER_ASSIGN(auto input, inputOf(call.body));
    YISHI_HANDLER_ASSIGN(std::string reason, optionalString(call.body, "reason", ""));
    YISHI_HANDLER_ASSIGN(auto row, accounts.correct(call.actor, id, input, reason));
    return jsonResponse(201, writeRow, row);
}

}  // namespace

void addAccountRoutes(Router& router, AccountService& accounts) {
    router.add("GET", "/api/v1/communities/{id}/accounts", Access::kPublicCached, with(accounts, list));
    router.add("GET", "/api/v1/communities/{id}/accounts/totals", Access::kPublicCached, with(accounts, totals));
    // Not shared through the public cache: its answer is not JSON and varies with the language.
    router.add("GET", "/api/v1/communities/{id}/accounts/export", Access::kPublic, with(accounts, exportCsv));
    router.add("POST", "/api/v1/communities/{id}/accounts", Access::kSession, with(accounts, record));
    router.add("POST", "/api/v1/account-entries/{id}/corrections", Access::kSession, with(accounts, correct));
}

}  // namespace yishi::http
