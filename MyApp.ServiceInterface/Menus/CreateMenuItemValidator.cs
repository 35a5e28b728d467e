using BaaS;
using BaaS.Auth;
using BaaS.Data;
using FluentValidation;
using Microsoft.AspNetCore.Http;
using MyApp.ServiceModel;

namespace MyApp.ServiceInterface;

/// <summary>
/// A dish goes only on the menu of one of the caller's own (not retired) restaurants: a rule about another row, which
/// attributes cannot say. Another owner's restaurant and a missing one get the same answer, so nobody learns which
/// restaurants exist. (The dish's OwnerId is filled from the caller by <c>[AutoPopulate]</c>, so it matches.)
/// The check reads through the request's connection (<see cref="RequestDb"/>): inside a transactional batch that is the
/// batch's connection, in its transaction, so the check opens no second connection and reads what the writes it guards
/// will see. The request reaches the validator through <see cref="IHttpContextAccessor"/>, which AddBaaSAuth registers.
/// </summary>
public class CreateMenuItemValidator : AbstractValidator<CreateMenuItem>
{
    public CreateMenuItemValidator(IHttpContextAccessor http)
    {
        RuleFor(x => x.RestaurantId)
            .MustAsync(async (restaurantId, ct) =>
            {
                if (http.HttpContext is not { } context || !Guid.TryParse(context.User.GetUserId(), out var me)) return false;
                var (db, owned) = await RequestDb.OpenAsync(context);
                try
                {
                    return await db.ExistsAsync<Restaurant>(r => r.Id == restaurantId && r.OwnerId == me && r.DeletedDate == null, ct);
                }
                finally
                {
                    if (owned) await db.DisposeAsync();
                }
            })
            .WithErrorCode("NotYourRestaurant")
            .WithMessage(x => $"You have no restaurant {x.RestaurantId}.");
    }
}
