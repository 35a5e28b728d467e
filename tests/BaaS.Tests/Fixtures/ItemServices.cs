namespace BaaS.Tests.Fixtures;

public class ItemServices(ItemStore store) : Service
{
    public Item Get(GetItem request) =>
        store.Items.TryGetValue(request.Id, out var item) ? item : throw HttpError.NotFound($"Item {request.Id} does not exist.");

    public async Task<Item> Post(CreateItem request)
    {
        await Task.Yield();
        return store.Add(request.Name, request.Price, request.Quantity, request.Category);
    }

    public Item Put(UpdateItem request)
    {
        var item = Get(new GetItem { Id = request.Id });
        item.Name = request.Name;
        item.Price = request.Price;
        return item;
    }

    public PatchItemResponse Patch(PatchItem request)
    {
        var item = Get(new GetItem { Id = request.Id });
        var info = HttpContext.GetRequestInfo()!;
        if (info.WasSent(nameof(PatchItem.Name))) item.Name = request.Name ?? "";
        if (info.WasSent(nameof(PatchItem.Price))) item.Price = request.Price ?? 0;
        if (info.WasSent(nameof(PatchItem.Quantity))) item.Quantity = request.Quantity ?? 0;
        return new PatchItemResponse { Item = item, SentFields = [.. info.SentFields] };
    }

    public async ValueTask Delete(DeleteItem request)
    {
        await Task.Yield();
        if (!store.Items.TryRemove(request.Id, out _)) throw new KeyNotFoundException($"Item {request.Id} does not exist.");
    }

    public List<Item> Get(ListItems request) =>
        [.. store.Items.Values.Where(i => request.NameStartsWith is null || i.Name.StartsWith(request.NameStartsWith, StringComparison.OrdinalIgnoreCase)).OrderBy(i => i.Id)];

    public Task<SearchItemsResponse> Get(SearchItems request, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var results = store.Items.Values.Where(i => request.Ids is null || request.Ids.Contains(i.Id)).OrderBy(i => i.Id).ToList();
        return Task.FromResult(new SearchItemsResponse { Total = results.Count, Results = results });
    }

    public HttpResult Post(CreateItemWithLocation request)
    {
        var item = store.Add(request.Name, 0);
        return new HttpResult(item, 201) { Headers = { ["Location"] = $"/items/{item.Id}" } };
    }
}
