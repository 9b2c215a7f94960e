namespace PassportQueue.Web.Data.Sql;

/// <summary>
/// Units of one kind that the write batcher may run together, in a few statements for the whole
/// batch, instead of one by one (on PostgreSQL, where each statement is a round trip). Each request
/// still has its own unit of work: a request the bulk run does not answer runs alone afterwards,
/// in the same transaction, exactly as it would without a bulk run.
/// </summary>
/// <typeparam name="TRequest">What one caller asks for.</typeparam>
/// <typeparam name="TResult">What one caller gets.</typeparam>
public abstract class BulkWork<TRequest, TResult>
    where TResult : class
{
    /// <summary>
    /// Runs the requests together inside the batch's transaction (in a savepoint of its own: if it
    /// throws, nothing of it stays and every request runs alone). Returns, for each request in
    /// order, its result, or null for a request to be run alone by its own unit of work.
    /// </summary>
    public abstract IReadOnlyList<TResult?> Run(SqlSession session, IReadOnlyList<TRequest> requests);
}
