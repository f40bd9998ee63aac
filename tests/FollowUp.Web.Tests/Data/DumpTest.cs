using FollowUp.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace FollowUp.Web.Tests.Data;

public class DumpTest
{
    [Fact]
    public void Dump()
    {
        var opts = new DbContextOptionsBuilder<FollowUpDbContext>().UseSqlite("Data Source=:memory:").Options;
        using var db = new FollowUpDbContext(opts);
        File.WriteAllText("/tmp/create.sql", db.Database.GenerateCreateScript());
    }
}
