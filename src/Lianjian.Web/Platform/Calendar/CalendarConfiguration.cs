using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lianjian.Web.Platform.Calendar;

internal sealed class CalendarDayConfiguration : IEntityTypeConfiguration<CalendarDay>
{
    public void Configure(EntityTypeBuilder<CalendarDay> b)
    {
        b.ToTable("CalendarDays");
        b.HasKey(d => d.Date);
        b.Property(d => d.Name).HasMaxLength(CalendarDay.NameMax);

        // The published schedules ship with the application (production data, not demo data).
        b.HasData(PublishedSchedules.All.SelectMany(s => s.Days).Select(d => new CalendarDay { Date = d.Date, Kind = d.Kind, Name = d.Name }));
    }
}

internal sealed class CalendarYearConfiguration : IEntityTypeConfiguration<CalendarYear>
{
    public void Configure(EntityTypeBuilder<CalendarYear> b)
    {
        b.ToTable("CalendarYears");
        b.HasKey(y => y.Year);
        b.Property(y => y.Year).ValueGeneratedNever();
        b.Property(y => y.Source).HasMaxLength(CalendarYear.SourceMax);
        b.Property(y => y.EnteredByName).HasMaxLength(CalendarYear.EnteredByMax);

        b.HasData(PublishedSchedules.All.Select(s => new CalendarYear
        {
            Year = s.Year, Source = s.Source, EnteredAt = PublishedSchedules.ShippedAt, EnteredByName = PublishedSchedules.ShippedBy,
        }));
    }
}
