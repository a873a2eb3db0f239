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

    public static EmailContent Decided(IStringLocalizer l, string name, string resource, DateTime localStart, bool approved) => new(
        approved ? l["Your booking of {0} is confirmed", resource] : l["Your request for {0} was declined", resource],
        string.Join("\n\n",
            l["Hello {0},", name],
            approved
                ? l["Your request to book {0} on {1:f} is approved.", resource, localStart]
                : l["Your request to book {0} on {1:f} was declined.", resource, localStart]));

    /// A booking's new time or resource (plain text; kept apart so that attachments can be added to it).
    public static EmailContent Changed(IStringLocalizer l, string name, string resource, DateTime localStart, DateTime localEnd, bool pending) => new(
        l["Your booking was changed: {0}", resource],
        string.Join("\n\n",
            l["Hello {0},", name],
            l["Your booking is now {0} on {1:f}, until {2:t}.", resource, localStart, localEnd],
            pending
                ? l["This resource needs approval: the new time is a request until a manager approves it."]
                : l["Nothing else to do: see it in your bookings."]));

    public static EmailContent SeriesChanged(IStringLocalizer l, string name, string resource, DateTime localStart, int count) => new(
        l["Your recurring booking was changed: {0}", resource],
        string.Join("\n\n",
            l["Hello {0},", name],
            l["{0} occurrences of your recurring booking were changed, from {1:f} on: see them in your bookings.", count, localStart]));
}
