using BaaS.Data;
using FluentValidation;
using Microsoft.AspNetCore.Http;
using MyApp.ServiceModel;

namespace MyApp.ServiceInterface;

/// <summary>
/// A dish goes only on the menu of one of the caller's own (not retired) restaurants: a rule about another row, which
/// attributes cannot say. Another owner's restaurant and a missing one get the same answer, so nobody learns which
/// restaurants exist. (The dish's OwnerId is filled from the caller by <c>[AutoPopulate]</c>, so it matches.)
/// </summary>
public class CreateMenuItemValidator : AbstractValidator<CreateMenuItem>
{
    public CreateMenuItemValidator(IDbConnectionFactory dbFactory, IHttpContextAccessor http)
    {
        RuleFor(x => x.RestaurantId)
            .MustAsync(async (restaurantId, ct) =>
            {
                if (http.HttpContext?.User is not { } user || !Guid.TryParse(BaaS.Auth.ClaimsPrincipalExtensions.GetUserId(user), out var me)) return false;
                await using var db = await dbFactory.OpenAsync(ct);
                return await db.ExistsAsync<Restaurant>(r => r.Id == restaurantId && r.OwnerId == me && r.DeletedDate == null, ct);
            })
            .WithErrorCode("NotYourRestaurant")
            .WithMessage(x => $"You have no restaurant {x.RestaurantId}.");
    }
}
