namespace Nop.Core.Domain.Security;

public partial interface IAclSupported
{
    bool SubjectToAcl { get; set; }
}
