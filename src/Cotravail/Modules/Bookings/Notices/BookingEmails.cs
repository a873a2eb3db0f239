using Cotravail.Common.Email;
using Microsoft.Extensions.Localization;

namespace Cotravail.Modules.Bookings;

/// Emails about a booking, composed in the recipient's language by Outbox.Enqueue.
internal static class BookingEmails
{
    public static EmailContent Released(IStringLocalizer l, string name, string resource, DateTime localStart) => new(
        l["Your booking of {0} was released", resource],
        string.Join("\n\n",
            l["Hello {0},", name],
            l["You did not check in for {0} on {1:f}, so the slot was given back to other members.", resource, localStart]));

    public static EmailContent Expired(IStringLocalizer l, string name, string resource, DateTime localStart) => new(
        l["Your request for {0} expired", resource],
        string.Join("\n\n",
            l["Hello {0},", name],
            l["Your request to book {0} on {1:f} was not answered in time, so it no longer holds the slot.", resource, localStart]));

    public static EmailContent FromWaitlist(IStringLocalizer l, string name, string resource, DateTime localStart) => new(
        l["A slot you waited for is yours: {0}", resource],
        string.Join("\n\n",
            l["Hello {0},", name],
            l["{0} on {1:f} became free and is now booked for you. Cancel it from your bookings if you no longer need it.", resource, localStart]));

    public static EmailContent Offered(IStringLocalizer l, string name, string resource, DateTime localStart, DateTime localExpiry, string link) => new(
        l["A slot you waited for is free: {0}", resource],
        string.Join("\n\n",
            l["Hello {0},", name],
            l["{0} on {1:f} became free and is held for you until {2:f}. Accept it before then, or decline it so the next person in line gets it:", resource, localStart, localExpiry],
            link));

    public static EmailContent OfferExpired(IStringLocalizer l, string name, string resource, DateTime localStart) => new(
        l["Your offer for {0} expired", resource],
        string.Join("\n\n",
            l["Hello {0},", name],
            l["You did not accept {0} on {1:f} in time, so it was offered to the next person in line.", resource, localStart]));

    public static EmailContent Decided(IStringLocalizer l, string name, string resource, DateTime localStart, bool approved) => new(
        approved ? l["Your booking of {0} is confirmed", resource] : l["Your request for {0} was declined", resource],
        string.Join("\n\n",
            l["Hello {0},", name],
            approved
                ? l["Your request to book {0} on {1:f} is approved.", resource, localStart]
                : l["Your request to book {0} on {1:f} was declined.", resource, localStart]));

    public static EmailContent Confirmed(IStringLocalizer l, string name, string summary, string place, DateTime localStart, DateTime localEnd) => new(
        l["Your booking of {0} is confirmed", summary],
        string.Join("\n\n",
            Greeting(l, name),
            l["{0} is booked for you on {1:f}, until {2:t}.", summary, localStart, localEnd],
            l["Where: {0}", place],
            l["The attached invitation adds it to your calendar."]));

    public static EmailContent SeriesConfirmed(IStringLocalizer l, string name, string resource, string place, IReadOnlyList<DateTime> localStarts) => new(
        l["Your bookings of {0} are confirmed", resource],
        string.Join("\n\n",
            Greeting(l, name),
            l["{0} is booked for you on these dates:", resource],
            string.Join("\n", localStarts.Select(s => "- " + s.ToString("f", System.Globalization.CultureInfo.CurrentCulture))),
            l["Where: {0}", place],
            l["The attached invitation adds them to your calendar."]));

    public static EmailContent Requested(IStringLocalizer l, string name, string resource, DateTime localStart) => new(
        l["Your request for {0} was received", resource],
        string.Join("\n\n",
            Greeting(l, name),
            l["Your request to book {0} on {1:f} holds the slot while a manager of the location answers. You will be told of their decision.", resource, localStart]));

    public static EmailContent Cancelled(IStringLocalizer l, string name, string resource, DateTime localStart) => new(
        l["Your booking of {0} is cancelled", resource],
        string.Join("\n\n",
            Greeting(l, name),
            l["Your booking of {0} on {1:f} is cancelled.", resource, localStart]));

    public static EmailContent SeriesCancelled(IStringLocalizer l, string name, string resource, IReadOnlyList<DateTime> localStarts) => new(
        l["Your bookings of {0} are cancelled", resource],
        string.Join("\n\n",
            Greeting(l, name),
            l["These bookings of {0} are cancelled:", resource],
            string.Join("\n", localStarts.Select(s => "- " + s.ToString("f", System.Globalization.CultureInfo.CurrentCulture)))));

    /// For "booking changed" (time or resource); sent by BookingNotice.SendChangedAsync.
    public static EmailContent Changed(IStringLocalizer l, string name, string summary, string place, DateTime localStart, DateTime localEnd) => new(
        l["Your booking of {0} changed", summary],
        string.Join("\n\n",
            Greeting(l, name),
            l["Your booking is now {0} on {1:f}, until {2:t}.", summary, localStart, localEnd],
            l["Where: {0}", place],
            l["The attached invitation updates your calendar."]));

    public static EmailContent Reminder(IStringLocalizer l, string name, string summary, string place, DateTime localStart, DateTime localEnd) => new(
        l["Reminder: {0} on {1:f}", summary, localStart],
        string.Join("\n\n",
            Greeting(l, name),
            l["{0} is booked for you on {1:f}, until {2:t}.", summary, localStart, localEnd],
            l["Where: {0}", place],
            l["Cancel it from your bookings if you no longer need it."]));

    public static EmailContent Invited(IStringLocalizer l, string name, string host, string summary, string place, DateTime localStart, DateTime localEnd) => new(
        l["Invitation: {0} on {1:f}", summary, localStart],
        string.Join("\n\n",
            Greeting(l, name),
            l["{0} invites you to {1} on {2:f}, until {3:t}.", host, summary, localStart, localEnd],
            l["Where: {0}", place],
            l["The attached invitation adds it to your calendar."]));

    public static EmailContent InvitationChanged(IStringLocalizer l, string name, string host, string summary, string place, DateTime localStart, DateTime localEnd) => new(
        l["Changed: {0} on {1:f}", summary, localStart],
        string.Join("\n\n",
            Greeting(l, name),
            l["{0} changed {1}: it is now on {2:f}, until {3:t}.", host, summary, localStart, localEnd],
            l["Where: {0}", place],
            l["The attached invitation updates your calendar."]));

    public static EmailContent InvitationCancelled(IStringLocalizer l, string name, string host, string summary, DateTime localStart) => new(
        l["Cancelled: {0} on {1:f}", summary, localStart],
        string.Join("\n\n",
            Greeting(l, name),
            l["{0} on {1:f}, to which {2} invited you, is cancelled for you.", summary, localStart, host]));

    public static EmailContent SeriesChanged(IStringLocalizer l, string name, string resource, DateTime localStart, int count) => new(
        l["Your recurring booking was changed: {0}", resource],
        string.Join("\n\n",
            l["Hello {0},", name],
            l["{0} occurrences of your recurring booking were changed, from {1:f} on: see them in your bookings.", count, localStart]));

    private static string Greeting(IStringLocalizer l, string name) => name.Length > 0 ? l["Hello {0},", name] : l["Hello,"];
}
