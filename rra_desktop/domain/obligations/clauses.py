"""The agreement's own words for each timed obligation, quoted beside every deadline."""

CLAUSE_TEXT = {
    "filing_date": (
        '"Filing Date" means the 45th day following the Closing Date. (Section 1) — "On or prior to the '
        'Filing Date, the Company shall prepare and file with the Commission a "shelf" Registration '
        'Statement covering all Registrable Securities (but in no event less than 4,967,600 shares of '
        'Common Stock) for a secondary or resale offering to be made on a continuous basis pursuant to '
        'Rule 415." (Section 2; see also 3(a))'
    ),
    "effectiveness_date": (
        '"Effectiveness Date" means with respect to the Registration Statement the 90th day following '
        "the Closing Date. (Section 1)"
    ),
    "effectiveness_deadline": (
        'The Company shall "(ii) use its best efforts to cause the Registration Statement to be declared '
        "effective under the Securities Act ... by the earlier of (i) five (5) Business Days after the "
        "date that the Company is notified (orally or in writing, whichever is earlier) by the Commission "
        'that a Registration Statement will not be "reviewed," or not be subject to further review or '
        '(ii) the 90th day after the Closing Date, but in any event prior to the Effectiveness Date" '
        "(Section 2)"
    ),
    "holder_review_copies": (
        '"not less than five (5) Business Days prior to the filing of the Registration Statement or any '
        "related Prospectus and not less than two (2) Business Days prior to the filing of any amendment "
        "or supplement thereto (including any document that would be incorporated therein by reference), "
        "the Company shall (i) furnish to the Holders and any Special Counsel, copies of all such "
        'documents proposed to be filed" (Section 3(a))'
    ),
    "holder_objection_window": (
        '"The Company shall not file the Registration Statement or any such Prospectus or any amendments '
        "or supplements thereto to which the Holders of a majority of the Registrable Securities or any "
        "Special Counsel shall reasonably object in writing within three (3) Business Days after their "
        'receipt thereof." (Section 3(a))'
    ),
    "notice_of_effectiveness": (
        '"Within two (2) Business Days after the Registration Statement which includes the Registrable '
        "Securities is ordered effective by the Commission, the Company shall deliver, and if requested by "
        "the Company's transfer agent, shall cause legal counsel for the Company to deliver, to the "
        "transfer agent for such Registrable Securities (with copies to the Holders whose Registrable "
        "Securities are included in such Registration Statement) confirmation that the Registration "
        'Statement has been declared effective by the Commission in the form attached hereto as Exhibit A." '
        "(Section 7(p))"
    ),
    "certificates_before_sale": (
        'The Company shall "[c]ooperate with the Holders to facilitate the timely preparation and delivery '
        "of certificates representing Registrable Securities sold pursuant to a Registration Statement, "
        "which certificates shall be free of all restrictive legends, and to enable such Registrable "
        "Securities to be in such denominations and registered in such names as any Holder may request at "
        'least two (2) Business Days prior to any sale of Registrable Securities." (Section 3(i))'
    ),
    "earnings_statement": (
        'The Company shall "make generally available to its security holders earning statements '
        "satisfying the provisions of Section 11(a) of the Securities Act and Rule 158 not later than 45 "
        "days after the end of any 3-month period (or 90 days after the end of any 12-month period if such "
        "period is a fiscal year) commencing on the first day of the first fiscal quarter of the Company "
        'after the effective date of the Registration Statement" (Section 3(l))'
    ),
    "blackout_limit": (
        '"the Company may postpone or suspend filing or effectiveness of a Registration Statement for a '
        "period not to exceed 20 consecutive days, provided that the Company may not postpone or suspend "
        'its obligation under this Section 3(n) for more than 40 days in the aggregate during any 12 month '
        'period (each, a "Blackout Period")" (Section 3(n))'
    ),
    "piggyback_response": (
        '"the Company shall send to each holder of Registrable Securities written notice of such '
        "determination and, if within twenty (20) days after receipt of such notice, any such Holder shall "
        "so request in writing (which request shall specify the Registrable Securities intended to be "
        "disposed of by the Holders), the Company will cause the registration under the Securities Act of "
        'all Registrable Securities which the Company has been so requested to register" (Section 7(d))'
    ),
    "indemnity_fee_payment": (
        '"All fees and expenses of the Indemnified Party ... shall be paid to the Indemnified Party, as '
        'incurred, within ten (10) Business Days of written notice thereof to the Indemnifying Party" '
        "(Section 5(c))"
    ),
    "effectiveness_period_end": (
        'The Company shall "keep such Registration Statement continuously effective under the Securities '
        "Act until such date as is the earlier of (x) the date when all Registrable Securities covered by "
        "such Registration Statement have been sold or (y) as to any particular Holder, the date on which "
        "all such Holder's Registrable Securities may be sold without any restriction pursuant to Rule "
        '144(k)" (Section 2)'
    ),
}
