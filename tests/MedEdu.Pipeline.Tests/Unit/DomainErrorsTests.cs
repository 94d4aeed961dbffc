using MedEdu.Api.Http;

namespace MedEdu.Pipeline.Tests.Unit;

/// <summary>The one table from the application's refusals to HTTP answers.</summary>
public sealed class DomainErrorsTests
{
    [Theory]
    [InlineData(DomainError.Invalid, 400)]
    [InlineData(DomainError.NotAllowed, 403)]
    [InlineData(DomainError.NotFound, 404)]
    [InlineData(DomainError.Conflict, 409)]
    [InlineData(DomainError.Expired, 410)]
    [InlineData(DomainError.TooLarge, 413)]
    [InlineData(DomainError.UnsupportedFormat, 415)]
    public void Each_reason_answers_its_status(DomainError error, int status) => Assert.Equal(status, DomainErrors.Of(error).Status);

    [Fact]
    public void Every_reason_has_a_status_and_a_refusal_keeps_its_own_title_and_reason()
    {
        Assert.All(Enum.GetValues<DomainError>(), e => Assert.InRange(DomainErrors.Of(e).Status, 400, 499));
        var problem = DomainErrors.Problem(new Uploads.UploadRefusedException(DomainError.Expired, "Upload expired", "the upload 'u1' expired at 10:00"));
        Assert.Equal(410, problem.StatusCode);
        var body = Assert.IsType<Problem>(problem.Body);
        Assert.Equal(("Upload expired", "the upload 'u1' expired at 10:00"), (body.Title, body.Detail));
        Assert.Equal("Not found", ((Problem)DomainErrors.Problem(new Classes.ClassException(DomainError.NotFound, "no class")).Body!).Title);
    }
}
