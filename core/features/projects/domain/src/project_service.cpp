#include "yishi/domain/project_service.h"

#include <algorithm>
#include <map>
#include <utility>

#include "yishi/common/english_count.h"
#include "yishi/domain/money.h"
#include "yishi/domain/project_store.h"
#include "yishi/domain/projects_changes.h"
#include "yishi/domain/validation.h"

namespace yishi::domain {

namespace {

Status notFound() { return Status::notFound("project.not_found", "There is no such project."); }

// What the expenses add up to, each at its newest correction (expenses come
// oldest first, so the last correction of each wins), or nothing when it
// passes kMaxAmountFen. Expenses taken since amounts are bounded never do;
// older rows might. Fills `corrected_by` (original id -> correction id).
std::optional<std::int64_t> totalOf(const std::vector<Expense>& expenses,
                                    std::map<std::int64_t, std::int64_t>* corrected_by = nullptr) {
    std::map<std::int64_t, std::int64_t> amount;  // original id -> amount that counts
    for (const Expense& e : expenses) {
        if (e.corrects && corrected_by) (*corrected_by)[e.corrects] = e.id;
        amount[e.corrects ? e.corrects : e.id] = e.amount_fen;
    }
    std::int64_t total = 0;
    for (const auto& [id, fen] : amount) {
        if (!addWithin(total, fen, kMaxAmountFen, &total)) return std::nullopt;
    }
    return total;
}

Result<ProjectService::View> viewOf(Stores& s, const Actor& actor, Project p) {
    ProjectService::View v;
    v.progress = s.get<ProjectStore>().progress(p.id);
    v.expenses = s.get<ProjectStore>().expenses(p.id);
    std::optional<std::int64_t> spent = totalOf(v.expenses, &v.corrected_by);
    if (!spent) {
        return Status::internal("storage.inconsistent",
                                "This project's expenses add up to more than " + std::to_string(kMaxAmountFen) +
                                    " fen, which the server never accepts; the data needs a repair.");
    }
    v.spent_fen = *spent;
    v.over_budget_fen = std::max<std::int64_t>(0, v.spent_fen - p.budget_fen);
    std::int64_t stars = 0;
    for (const Rating& r : s.get<ProjectStore>().ratings(p.id)) {
        ++v.ratings;
        stars += r.stars;
        if (actor.isAuthenticated() && r.user_id == actor.userId()) v.my_stars = r.stars;
        std::optional<User> author = s.users.user(r.user_id);
        v.rating_list.emplace_back(r, author ? author->display_name : "");
    }
    if (v.ratings) v.average_stars = static_cast<double>(stars) / static_cast<double>(v.ratings);
    v.project = std::move(p);
    return v;
}

// The project, for those who run its community.
Result<Project> managed(Stores& s, const Actor& actor, ProjectId id) {
    std::optional<Project> p = s.get<ProjectStore>().project(id);
    if (!p) return notFound();
    std::optional<Community> c = s.scopes.community(p->community_id);
    if (!c) return notFound();
    if (!actor.canManage(*c)) {
        return Status::forbidden("community.forbidden", "Only this community's committee reports on its projects.");
    }
    return std::move(*p);
}

}  // namespace

ProjectService::ProjectService(Database& db, const Clock& clock) : db_(db), clock_(clock) {}

Result<ProjectService::View> ProjectService::get(const Actor& actor, ProjectId id) {
    View view;
    YISHI_RETURN_IF_ERROR(db_.read([&](Stores& s) {
        std::optional<Project> p = s.get<ProjectStore>().project(id);
        if (!p) return notFound();
        YISHI_ASSIGN_OR_RETURN(view, viewOf(s, actor, std::move(*p)));
        return Status::ok();
    }));
    return view;
}

Result<Page<Project>> ProjectService::list(CommunityId community, PageRequest page) {
    Page<Project> out;
    YISHI_RETURN_IF_ERROR(db_.read([&](Stores& s) {
        if (!s.scopes.community(community))
            return Status::notFound("community.not_found", "There is no such community.");
        out = s.get<ProjectStore>().projects(community, page.clamped());
        return Status::ok();
    }));
    return out;
}

Result<ProjectService::View> ProjectService::reportProgress(const Actor& actor, ProjectId id, std::int64_t percent,
                                                            const std::string& text, Instant date) {
    YISHI_RETURN_IF_ERROR(actor.requireSignedIn());
    YISHI_RETURN_IF_ERROR(validateName("text", text, 2000));
    View view;
    YISHI_RETURN_IF_ERROR(db_.write([&](Stores& s) {
        YISHI_ASSIGN_OR_RETURN(Project p, managed(s, actor, id));
        if (p.completed) return Status::conflict("project.completed", "This project is complete.");
        if (percent < p.progress_percent || percent > 100) {
            return Status::invalid("progress.percent",
                                   "Progress is a percentage from " + std::to_string(p.progress_percent) + " to 100.");
        }
        const Instant now = clock_.now();
        s.get<ProjectStore>().insertProgress(
            {0, p.id, static_cast<int>(percent), text, date != Instant() ? date : now, actor.userId()});
        p.progress_percent = static_cast<int>(percent);
        s.get<ProjectStore>().updateProject(p);
        s.record({changes::kProjectProgress, now, actor.userId(), p.id.value, p.community_id,
                  std::to_string(percent) + "%: " + text});
        YISHI_ASSIGN_OR_RETURN(view, viewOf(s, actor, std::move(p)));
        return Status::ok();
    }));
    return view;
}

Result<ProjectService::View> ProjectService::addExpense(const Actor& actor, ProjectId id, std::int64_t amount_fen,
                                                        const std::string& purpose, Instant date) {
    YISHI_RETURN_IF_ERROR(actor.requireSignedIn());
    if (amount_fen <= 0 || amount_fen > kMaxAmountFen) {
        return Status::invalid("expense.amount",
                               "An expense is 1 to " + std::to_string(kMaxAmountFen) + " fen (100 亿元).");
    }
    YISHI_RETURN_IF_ERROR(validateName("purpose", purpose, 200));
    View view;
    YISHI_RETURN_IF_ERROR(db_.write([&](Stores& s) {
        YISHI_ASSIGN_OR_RETURN(Project p, managed(s, actor, id));
        std::optional<std::int64_t> spent = totalOf(s.get<ProjectStore>().expenses(p.id));
        std::int64_t after = 0;
        if (!spent || !addWithin(*spent, amount_fen, kMaxAmountFen, &after)) {
            return Status::conflict("expense.total", "A project's expenses add up to at most " +
                                                         std::to_string(kMaxAmountFen) +
                                                         " fen (100 亿元); this one would pass that.");
        }
        const Instant now = clock_.now();
        s.get<ProjectStore>().insertExpense(
            {0, p.id, amount_fen, purpose, date != Instant() ? date : now, actor.userId(), 0, ""});
        s.record({changes::kProjectExpense, now, actor.userId(), p.id.value, p.community_id,
                  std::to_string(amount_fen) + " fen: " + purpose});
        YISHI_ASSIGN_OR_RETURN(view, viewOf(s, actor, std::move(p)));
        return Status::ok();
    }));
    return view;
}

Result<ProjectService::View> ProjectService::correctExpense(const Actor& actor, ProjectId id, std::int64_t corrects,
                                                            std::int64_t amount_fen, const std::string& purpose,
                                                            const std::string& reason, Instant date) {
    YISHI_RETURN_IF_ERROR(actor.requireSignedIn());
    if (amount_fen < 0 || amount_fen > kMaxAmountFen) {
        return Status::invalid("expense.amount",
                               "A corrected amount is 0 to " + std::to_string(kMaxAmountFen) + " fen (100 亿元).");
    }
    YISHI_RETURN_IF_ERROR(validateName("purpose", purpose, 200));
    if (reason.empty())
        return Status::invalid("expense.reason_required", "A correction says why the expense was wrong.");
    YISHI_RETURN_IF_ERROR(validateName("reason", reason, 200));
    View view;
    YISHI_RETURN_IF_ERROR(db_.write([&](Stores& s) {
        YISHI_ASSIGN_OR_RETURN(Project p, managed(s, actor, id));
        std::int64_t original = 0;
        for (const Expense& e : s.get<ProjectStore>().expenses(p.id))
            if (e.id == corrects) original = e.corrects ? e.corrects : e.id;
        if (!original) return Status::notFound("expense.not_found", "This project has no such expense.");
        const Instant now = clock_.now();
        Expense correction{0,        p.id,  amount_fen, purpose, date != Instant() ? date : now, actor.userId(),
                           original, reason};
        std::vector<Expense> after = s.get<ProjectStore>().expenses(p.id);
        after.push_back(correction);
        if (!totalOf(after)) {
            return Status::conflict("expense.total", "A project's expenses add up to at most " +
                                                         std::to_string(kMaxAmountFen) +
                                                         " fen (100 亿元); this correction would pass that.");
        }
        s.get<ProjectStore>().insertExpense(correction);
        s.record({changes::kProjectExpenseCorrected, now, actor.userId(), p.id.value, p.community_id,
                  "expense " + std::to_string(original) + " is " + std::to_string(amount_fen) + " fen: " + reason});
        YISHI_ASSIGN_OR_RETURN(view, viewOf(s, actor, std::move(p)));
        return Status::ok();
    }));
    return view;
}

Result<ProjectService::View> ProjectService::complete(const Actor& actor, ProjectId id, const std::string& note) {
    YISHI_RETURN_IF_ERROR(actor.requireSignedIn());
    YISHI_RETURN_IF_ERROR(validateText("note", note, 1000));
    View view;
    YISHI_RETURN_IF_ERROR(db_.write([&](Stores& s) {
        YISHI_ASSIGN_OR_RETURN(Project p, managed(s, actor, id));
        if (p.completed) return Status::conflict("project.completed", "This project is complete already.");
        const Instant now = clock_.now();
        p.completed = true;
        p.completed_at = now;
        p.progress_percent = 100;
        p.completion_note = note;
        s.get<ProjectStore>().updateProject(p);
        s.record({changes::kProjectCompleted, now, actor.userId(), p.id.value, p.community_id, note});
        YISHI_ASSIGN_OR_RETURN(view, viewOf(s, actor, std::move(p)));
        return Status::ok();
    }));
    return view;
}

Result<ProjectService::View> ProjectService::rate(const Actor& actor, ProjectId id, std::int64_t stars,
                                                  const std::string& comment) {
    YISHI_RETURN_IF_ERROR(actor.requireSignedIn());
    if (stars < 1 || stars > 5) return Status::invalid("rating.stars", "A rating is 1 to 5 stars.");
    YISHI_RETURN_IF_ERROR(validateText("comment", comment, 500));
    View view;
    YISHI_RETURN_IF_ERROR(db_.write([&](Stores& s) {
        std::optional<Project> p = s.get<ProjectStore>().project(id);
        if (!p) return notFound();
        YISHI_RETURN_IF_ERROR(actor.requireVerifiedResident(p->community_id));
        if (!p->completed) {
            return Status::conflict("project.not_completed", "Projects are rated once they are complete.");
        }
        const Instant now = clock_.now();
        if (!s.get<ProjectStore>().insertRating({p->id, actor.userId(), static_cast<int>(stars), comment, now})) {
            return Status::conflict("rating.exists", "You rated this project already.");
        }
        s.record({changes::kProjectRated, now, actor.userId(), p->id.value, p->community_id,
                  countOf(stars, "star", "stars"), actor.userId(), stars});
        YISHI_ASSIGN_OR_RETURN(view, viewOf(s, actor, std::move(*p)));
        return Status::ok();
    }));
    return view;
}

Status ProjectService::checkDraft(Stores&, Proposal&) { return Status::ok(); }

Result<std::int64_t> ProjectService::form(Stores& s, const Proposal& p, const ProposalOutcome::Input& input,
                                          Instant now) {
    if (p.kind == ProposalKind::kRule) {
        return Status::conflict("proposal.kind_mismatch", "A rule becomes a convention, not a project.");
    }
    if (input.budget_fen < 0 || input.budget_fen > kMaxAmountFen) {
        return Status::invalid(
            "project.budget", "A project needs a budget of 0 to " + std::to_string(kMaxAmountFen) + " fen (100 亿元).");
    }
    YISHI_RETURN_IF_ERROR(validateName("responsible", input.responsible, 100));
    Project project;
    project.proposal_id = p.id;
    project.community_id = p.community_id;
    project.title = p.title;
    project.budget_fen = input.budget_fen;
    project.responsible = input.responsible;
    project.created_at = now;
    return s.get<ProjectStore>().insertProject(project).value;
}

}  // namespace yishi::domain
